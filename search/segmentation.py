"""Chinese word segmentation for search: one jieba tokenizer per process, with our dictionary.

Stories are cut with jieba's search mode (cut_for_search), which also emits the dictionary
words inside longer words, so that 工会 is found in 总工会 and 劳模 in 劳模贷. Every Chinese
character of a story is indexed once more on its own, so that a one-character query (茶, 矿,
a surname such as 陈) finds every story holding that character, as find-in-page would.

Queries are cut with jieba's precise mode. Both sides run without jieba's HMM guesser of unknown
words: it guesses differently in different sentences, so a name it joined in a story could come
out cut apart in a query. Without it an unknown word (a person's name, say) falls apart into
single characters, and the query turns such a run of characters back into a literal phrase that
the story must contain.
"""

import hashlib
import logging
import re
import sys
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# jieba opens its files through pkg_resources when it can import it, and importing that scans
# every installed distribution and keeps about 19 MB in each process (each gunicorn worker
# among them). Hidden while jieba is imported, jieba opens the same files by their path.
_HIDE_PKG_RESOURCES = "pkg_resources" not in sys.modules
if _HIDE_PKG_RESOURCES:
    sys.modules["pkg_resources"] = None
try:
    import jieba
finally:
    if _HIDE_PKG_RESOURCES:
        del sys.modules["pkg_resources"]

DICTIONARY_PATH = Path(__file__).resolve().parent / "dictionary.txt"

# Longer queries are cut to this many characters (a headline has at most 120, a query that
# long is pasted text, and its first hundred characters find the story as well).
QUERY_MAX_LENGTH = 100
# Words beyond this many are dropped: each costs the database one more condition.
QUERY_MAX_TERMS = 20

# A word is a run of letters and digits; punctuation, symbols and "_" separate words.
_WORD = re.compile(r"[^\W_]+")
_CJK_CHARACTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

_tokenizer = None
_tokenizer_lock = threading.Lock()


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query, and what a story needs to match it.

    A story matches when its index holds all the tokens of at least one group in `token_groups`
    and, for a phrase, when its text also holds `text` literally.
    """

    text: str
    token_groups: tuple
    phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    terms: tuple
    shortened: bool = False

    @property
    def highlight_words(self):
        return [term.text for term in self.terms]


def tokenizer():
    """The process's jieba tokenizer, built on first use (building it takes about a second)."""
    global _tokenizer
    if _tokenizer is None:
        with _tokenizer_lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def _build_tokenizer():
    # jieba logs its start-up chatter at DEBUG through its own stderr handler.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    built = jieba.Tokenizer()
    # jieba caches the parsed general dictionary as jieba.cache in the system's temporary
    # directory: only the first process on a machine parses the text file; the others load the
    # cache. It is derived data, written atomically, and rebuilt whenever it goes missing.
    built.initialize()
    for word, frequency, tag in dictionary_entries():
        built.add_word(word, frequency, tag)
    return built


def dictionary_entries():
    """(word, frequency or None, tag or None) for each word of search/dictionary.txt."""
    entries = []
    for line in DICTIONARY_PATH.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        frequency = int(fields[1]) if len(fields) > 1 else None
        tag = fields[2] if len(fields) > 2 else None
        entries.append((fields[0], frequency, tag))
    return entries


@cache
def dictionary_digest():
    """Changes when the dictionary changes, so that documents cut with an older one are redone."""
    return hashlib.sha256(DICTIONARY_PATH.read_bytes()).hexdigest()[:16]


def blank_control_characters(text):
    """The text with control and format characters (NUL, zero-width spaces…) as spaces."""
    return "".join(" " if unicodedata.category(char)[0] == "C" else char for char in text or "")


def normalize(text):
    """Fold full-width letters and digits, lower the case, and blank out control characters."""
    return blank_control_characters(unicodedata.normalize("NFKC", text or "").lower())


def document_terms(text):
    """The index tokens of a text: its search-mode words, then each Chinese character once.

    Space-separated and padded with a space at both ends, so that " 工会 " finds a whole token.
    """
    normalized = normalize(text)
    words = [
        word
        for token in tokenizer().cut_for_search(normalized, HMM=False)
        for word in _WORD.findall(token)
    ]
    single_words = set(words)
    characters = [
        char
        for char in dict.fromkeys(_CJK_CHARACTER.findall(normalized))
        if char not in single_words
    ]
    tokens = words + characters
    return f" {' '.join(tokens)} " if tokens else ""


def parse_query(raw):
    """The terms a query asks for, all of which a story must match."""
    text = " ".join(normalize(raw).split())
    shortened = len(text) > QUERY_MAX_LENGTH
    text = text[:QUERY_MAX_LENGTH].strip()
    terms = []
    characters = []

    def close_phrase():
        if len(characters) == 1:
            terms.append(Term(characters[0], ((characters[0],),)))
        elif characters:
            phrase = "".join(characters)
            terms.append(Term(phrase, (tuple(dict.fromkeys(characters)),), phrase=True))
        characters.clear()

    for token in tokenizer().cut(text, HMM=False):
        pieces = _WORD.findall(token)
        if not pieces:
            close_phrase()
        for piece in pieces:
            if len(piece) == 1 and _CJK_CHARACTER.match(piece):
                characters.append(piece)
            else:
                close_phrase()
                terms.append(_word_term(piece))
    close_phrase()

    unique_terms = list({term.text: term for term in terms}.values())
    if len(unique_terms) > QUERY_MAX_TERMS:
        shortened = True
        unique_terms = unique_terms[:QUERY_MAX_TERMS]
    return ParsedQuery(text=text, terms=tuple(unique_terms), shortened=shortened)


def _word_term(word):
    """A query word. A long one may sit inside a longer word of the story (师范大学 in
    安徽师范大学), where search mode emits only its two- and three-character parts: the term
    then also accepts those parts, provided the story holds the whole word literally."""
    if len(word) < 4 or not _CJK_CHARACTER.search(word):
        return Term(word, ((word,),))
    parts = tuple(
        dict.fromkeys(
            part
            for part in tokenizer().cut_for_search(word, HMM=False)
            if part != word and len(part) > 1
        )
    )
    if not parts:
        return Term(word, ((word,),))
    return Term(word, ((word,), parts), phrase=True)
