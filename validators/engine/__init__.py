"""The one validation pipeline: parse -> detect -> XSD -> rules -> FileReport.

`pipeline` drives one message held as a tree; `stream` is the same pipeline fed a chunk of
Clients at a time for very large declarations; `batch` runs it over folders of files. The
modules whose names start with an underscore are speed machinery (column reads, the memo,
the collector pause): rules never import them.
"""
