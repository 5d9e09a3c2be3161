"""Tables: the schema every processed table is checked against, and its CSV reading and
writing."""
