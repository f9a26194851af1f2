"""The upper office's own Excel form: read it safely, match its rows, fill it in place.

Every year the province (before 2025, the district) sends its communes a collection form
of its own: a workbook with a title, a dispatch reference, STT, labels worded its way,
units, a value column and a note column.  This package takes that file as it is:

* :mod:`.safe_xlsx` opens an untrusted workbook (size limits checked in the zip before
  openpyxl reads a byte; XML parsed through defusedxml);
* :mod:`.layout` finds the table (header row, columns, data rows, section headings, the
  cells asking for the unit's name);
* :mod:`.matching` proposes an indicator for each row, with a confidence and the reason;
* :mod:`.library` keeps the form (its bytes) and its mapping in the workspace (db/008),
  exports the mapping as a small file and turns a form into a :class:`templates.Template`;
* :mod:`.fill` writes a copy of the province's workbook with the figures in place, and a
  PDF of it in the same layout.

Nothing here imports Qt; openpyxl and reportlab load inside the functions that need them.
"""
