"""Extract: article text → casualty claims, by transparent rules.

`extract_article` is the entry point; the modules below it each decide one thing
(numbers, sentences, times, eras, victims, sources), and `lexicon/` holds the word lists
and alias tables a journalist may extend.
"""

from tolltrace.extract.claims import ArticleExtraction, extract_article, extract_claims

__all__ = ["ArticleExtraction", "extract_article", "extract_claims"]
