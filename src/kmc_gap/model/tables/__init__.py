"""Tables as HR systems hand them out, read by what they are: the first stage of reading records.

The pipeline, one small module a stage, each testable alone:

1. :mod:`.sniff` — the container, told by its bytes (a zip workbook, an OLE2 ``.xls``, an HTML table or an
   Excel 2003 XML Spreadsheet saved as ``.xls``, or text), never by the file's ending;
2. :mod:`.text` and :mod:`.markup` — the container's tables as raw cells with their locations and hidden
   columns (workbooks are read by :mod:`kmc_gap.model.spreadsheet` in a child process);
3. :mod:`.shape` — long rows from the shapes people make: blocks whose person cells are merged down or
   left blank, and wide matrices of a column per course;

then :mod:`kmc_gap.model.records` finds the columns, types the cells and joins the people.
"""
