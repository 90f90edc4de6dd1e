"""qala.scale"""
