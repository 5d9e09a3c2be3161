"""Run: `process_corpus` over a raw folder, on one process, a process pool or Dask."""
