"""The batch runner: a large crawl on a Dask cluster (this machine's cores by default), into
partitioned Parquet with a manifest of finished partitions (`runner`, `partitions`,
`manifest`, `parquet`), and a batch's output into the store (`loader`).

    >>> from hadath.batch.runner import run_batch
    >>> summary = run_batch(["crawl/"], "out/", workers=2)      # resumes if killed
    >>> from hadath.batch.loader import load_batch
    >>> load_batch("out/", "hadath.db")                          # loading twice changes nothing

Nothing is imported here, so that `hadath --help` stays fast.
"""
