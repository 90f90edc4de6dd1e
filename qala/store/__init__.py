"""qala.store"""
