"""Bulletin Studio: compose a bilingual bulletin offline; export print PDF and review DOCX."""

__version__ = "0.1.0"
