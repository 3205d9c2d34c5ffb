"""How many distinct words each of the tagger's per-word caches keeps (features, views, scores,
character vectors, clitic splits, gazetteer heads).

Words repeat (a few thousand make most of a news text), so the caches save most of the
tagger's time; but a crawl brings new words without end, and across the caches a word costs
about 6 KB. 2,000 words keep them under about 12 MB whatever the input's size (the whole
pipeline under 400 MB) and still hold the words that recur: on 3,000 SaudiNewsNet articles
they ran as fast as 5,000 (29.1 and 28.5 articles/s/core) with a peak 26 MB lower.
`HADATH_WORD_CACHE` sets another size (more words: more memory, faster on a varied crawl).
"""
import os

WORD_CACHE = int(os.environ.get("HADATH_WORD_CACHE") or 2_000)
