"""qala.api"""
