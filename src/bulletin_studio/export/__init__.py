"""Writers that consume the render tree: PDF (ReportLab) and DOCX (python-docx)."""
