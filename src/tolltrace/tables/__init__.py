"""Tables: the schema every processed table is checked against, its CSV reading and
writing, and the data dictionary, all following the column definitions in model/."""
