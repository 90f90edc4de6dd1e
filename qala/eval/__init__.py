"""qala.eval"""
