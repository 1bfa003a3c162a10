#!/usr/bin/env python3
"""make_sample.py: writes sample.jsonl, a hand-made (synthetic) event file for
developing and testing 'dyad agg', 'dyad plot' and 'dyad report' before the
coder produces events: a few hundred events, January to June 2016, between
eight countries, in JSON Lines schema 1 with sentence text and byte spans.
Deterministic (fixed seed). Goldstein values follow the CAMEO scale.
Usage: python3 make_sample.py > sample.jsonl"""
import json
import random

rng = random.Random(20160101)

ACTORS = {  # code -> (name used in text, weight)
    "USA": ("Washington", 12), "RUS": ("Moscow", 11), "SYR": ("Damascus", 7),
    "TUR": ("Ankara", 5), "IRN": ("Tehran", 5), "CHN": ("Beijing", 4),
    "UKR": ("Kiev", 4), "ISR": ("Israel", 3),
}
AGENTS = {"": "", "GOV": "the government of ", "MIL": "the military of "}
CODES = [  # code, goldstein, verb phrase, weight
    ("010", 0.0, "made a statement about", 8), ("036", 4.0, "expressed intent to meet", 6),
    ("040", 1.0, "consulted", 9), ("042", 1.9, "visited", 4), ("043", 2.8, "hosted", 3),
    ("046", 7.0, "engaged in negotiation with", 5), ("051", 3.4, "praised", 3),
    ("057", 8.0, "signed an agreement with", 2), ("061", 6.4, "cooperated economically with", 2),
    ("071", 7.4, "provided economic aid to", 2), ("0874", 10.0, "retreated from", 1),
    ("111", -2.0, "criticized", 8), ("112", -2.0, "accused", 7), ("120", -4.0, "rejected", 4),
    ("130", -4.4, "threatened", 4), ("138", -7.0, "threatened military force against", 2),
    ("163", -8.0, "imposed an embargo on", 2), ("172", -5.0, "imposed sanctions on", 3),
    ("190", -10.0, "used conventional military force against", 3),
    ("193", -10.0, "fought with", 2), ("195", -10.0, "launched air strikes on", 3),
]
# Some dyads are hostile, some friendly: the charts should show it.
MOOD = {("RUS", "SYR"): 1, ("SYR", "RUS"): 1, ("USA", "ISR"): 1, ("ISR", "USA"): 1,
        ("RUS", "UKR"): -1, ("UKR", "RUS"): -1, ("TUR", "SYR"): -1, ("SYR", "TUR"): -1,
        ("USA", "RUS"): 0, ("RUS", "USA"): 0, ("USA", "IRN"): -1, ("IRN", "USA"): -1,
        ("ISR", "IRN"): -1, ("CHN", "USA"): 0}

def pick(weights):
    items = list(weights)
    return rng.choices(items, [w for *_, w in items])[0]

def event(n, day):
    codes = list(ACTORS)
    src = rng.choices(codes, [ACTORS[c][1] for c in codes])[0]
    tgt = rng.choices([c for c in codes if c != src], [ACTORS[c][1] for c in codes if c != src])[0]
    mood = MOOD.get((src, tgt), 0)
    pool = [c for c in CODES if (mood > 0 and c[1] >= 0) or (mood < 0 and c[1] <= 1) or mood == 0]
    code, gold, verb, _ = pick(pool)
    agent = rng.choice(["", "", "GOV", "MIL"] if code >= "13" else ["", "", "GOV"])
    src_text = AGENTS[agent] + ACTORS[src][0]
    tgt_text = ACTORS[tgt][0]
    lead = rng.choice(["", "On Tuesday, ", "According to officials, ", "Late on Friday, "])
    sentence = f"{lead}{src_text} {verb} {tgt_text}, a spokesman said."
    doc_prefix = "Wire report. "
    base = len(doc_prefix.encode())
    def span(text):
        b = base + len(sentence[:sentence.index(text)].encode())
        return [b, b + len(text.encode())]
    sent_index = rng.choice([0, 0, 1, 2, 3])
    return {
        "schema": 1, "doc_id": f"sample-{day.replace('-', '')}-{n % 7}",
        "sentence": sent_index, "date": day.replace("-", ""),
        "source": src + agent, "target": tgt + (rng.choice(["", "GOV"]) if mood < 0 else ""),
        "code": code, "root": code[:2],
        "quad": 1 if code < "05" else 2 if code < "09" else 3 if code < "14" else 4,
        "goldstein": gold, "source_text": src_text, "target_text": tgt_text,
        "verb_text": verb, "sentence_text": sentence,
        "spans": {"source": span(src_text), "target": span(tgt_text), "verb": span(verb),
                  "sentence": [base, base + len(sentence.encode())]},
        "pattern": "sample.verbs.txt:%d" % (100 + CODES.index(next(c for c in CODES if c[0] == code))),
        "source_entry": "", "target_entry": "", "issues": [], "negated": False,
    }

def main():
    import datetime
    start = datetime.date(2016, 1, 1)
    n = 0
    for d in range(182):
        day = (start + datetime.timedelta(days=d)).isoformat()
        # more news mid-February to mid-March (a crisis the charts should show)
        k = rng.choice([1, 2, 2, 3]) + (4 if 45 <= d < 75 else 0)
        for _ in range(k):
            n += 1
            print(json.dumps(event(n, day), ensure_ascii=False))

main()
