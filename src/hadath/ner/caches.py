"""How many distinct words each of the tagger's per-word caches keeps (features, views, scores,
character vectors, clitic splits, gazetteer heads).

Words repeat (a few thousand make most of a news text), so the caches save most of the
tagger's time; but a crawl brings new words without end, and across the caches a word costs
about 6 KB. 15,000 words keep them under about 100 MB whatever the input's size, and still
hold the words that recur.
"""
WORD_CACHE = 15_000
