"""How many distinct words each of the tagger's per-word caches keeps (features, views, scores,
character vectors, clitic splits, gazetteer heads).

Words repeat (a few thousand make most of a news text), so the caches save most of the
tagger's time; but a crawl brings new words without end, and across the caches a word costs
about 6 KB. 5,000 words keep them under about 35 MB whatever the input's size (the whole
pipeline under 400 MB), and still hold the words that recur. `HADATH_WORD_CACHE` sets another size (more words: faster on a
varied crawl, more memory).
"""
import os

WORD_CACHE = int(os.environ.get("HADATH_WORD_CACHE") or 5_000)
