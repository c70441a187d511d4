"""Checks on what a recogniser heard: the words of a transcript, the share of the spoken words
that were heard (`overlap`), and the share of common English words in it (`english_share`, a
cheap "does this read as English" figure). Used by the offline-recogniser and real-speech tests
and by benchmarks/recogniser_report.py."""

from __future__ import annotations

import re

# The most frequent English words (function words and a few common verbs/nouns): a cheap
# "does this read as English" figure for the printed table.
COMMON_ENGLISH = set("""
the of and to a in is it you that he was for on are with as i his they be at one have this from or
had by hot but some what there we can out other were all your when up use word how said an each she
which do their time if will way about many then them would write like so these her long make thing
see him two has look more day could go come did my sound no most number who over know water than
call first people may down side been now find any new work part take get place made live where after
back little only round man year came show every good me give our under name very through just form
much great think say help low line before turn cause same mean differ move right boy old too does
tell sentence set three want air well also play small end put home read hand port large spell add
even land here must big high such follow act why ask men change went light kind off need house
picture try us again animal point mother world near build self earth father head stand own page
should country found answer school grow study still learn plant cover food sun four thought let
keep eye never last door between city tree cross since hard start might story saw far sea draw
left late run don't while press close night real life few stop open seem together next white
children begin got walk example ease paper often always music those both mark book letter until
mile river car feet care second group carry took rain eat room friend began idea fish mountain north
once base hear horse cut sure watch color face wood main enough plain girl usual young ready above
ever red list though feel talk bird soon body dog family direct pose leave song measure state
product black short numeral class wind question happen complete ship area half rock order fire south
problem piece told knew pass farm top whole king size heard best hour better true during hundred am
remember step early hold west ground interest reach fast five sing listen six table travel less
morning ten simple several vowel toward war lay against pattern slow center love person money serve
appear road map science rule govern pull cold notice voice fall power town fine certain fly unit lead
cry dark machine note wait plan figure star box noun field rest correct able pound done beauty drive
stood contain front teach week final gave green oh quick develop sleep warm free minute strong
special mind behind clear tail produce fact street inch lot nothing course stay wheel full force blue
object decide surface deep moon island foot yet busy test record boat common gold possible plane age
dry wonder laugh thousand ago ran check game shape yes cool miss brought heat snow bed bring sit
perhaps fill east weight language among i'm it's that's there's what's
""".split())


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ']+", text.lower())


def overlap(spoken: str, heard: str) -> float:
    """The share of the spoken words that were heard (as a multiset, order ignored)."""
    left = words_of(heard)
    found = 0
    for word in words_of(spoken):
        if word in left:
            left.remove(word)
            found += 1
    return found / max(1, len(words_of(spoken)))


def english_share(text: str) -> float | None:
    words = words_of(text)
    return sum(w in COMMON_ENGLISH for w in words) / len(words) if words else None


def word_error_rate(reference: str, hypothesis: str) -> float:
    """(substitutions + deletions + insertions) / words of the reference, by word-level edit
    distance, case and punctuation ignored."""
    ref, hyp = words_of(reference), words_of(hypothesis)
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        previous, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (r != h))
    return row[-1] / max(1, len(ref))
