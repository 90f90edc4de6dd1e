"""qala.web"""
