#!/usr/bin/env python3
"""Reference scorer for the newsproc evaluation, written from the evaluation README.

An independent second implementation of the metrics the Rust crate `newsproc-eval`
computes, used to cross-check it. Standard library only; byte sets are plain Python
sets of offsets and ratios are Fractions, so it shares no code path with the Rust one.

    python3 score.py --task direct --gold polnear-dev.jsonl --pred out.jsonl

prints the README's machine-readable JSON for the task. Tasks: direct, attribution,
quotes, casualties, source.

Decisions where the README leaves room (the Rust crate documents the same ones):
- rates: exact fraction rounded half up to 4 decimals; a zero denominator gives null;
  F1 = 2tp / (2tp + fp + fn);
- span sets: union of bytes; match when 2 * shared >= larger (and larger > 0);
  one-to-one, candidate pairs by overlap ratio descending, ties by gold index then
  prediction index;
- documents pair with predictions by id, repeated ids in order of occurrence; a missing
  record, a missing/null layer, or a layer of the wrong shape is empty (missing_docs);
- source rules: no gold source wants null; with source_name the predicted name (else
  its text) must name the referent (last non-title word of either occurs in the other);
  otherwise span overlap (any byte) or every word of the name in the gold mention;
- speech cues: any word of the gold cue text in SPEECH_CUE_WORDS;
- quotes: unmatched speech quotes with 2 * inside >= size (inside gold direct or mixed
  content) are exempt, neither tp nor fp;
- casualties: n = non-zero gold figures; zeros go to zero_n / zero_correct (output 0 or
  null); GVA (dataset gva or gold_level incident) non-zero figures not in the text are
  left out, by the record's gold_in_text.<field> flag, else a standalone number token or a
  number word one..twenty;
- source: naming the right outlet is right also where abstaining is; names compare
  lower-cased with whitespace collapsed; boilerplate bytes summed over the corpus.
"""

import argparse
import json
import math
import re
import sys
from fractions import Fraction

# ---------------------------------------------------------------------------- lists

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord",
    "lady", "rev", "reverend", "president", "vice", "sen", "senator", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor", "mayor",
    "secretary", "minister", "prime", "chancellor", "ambassador", "judge", "justice", "gen",
    "general", "col", "colonel", "capt", "captain", "lt", "sgt", "adm", "admiral", "king",
    "queen", "prince", "princess", "sheikh", "chairman", "chairwoman", "speaker", "leader",
    "candidate", "nominee", "former", "jr", "sr", "ii", "iii", "iv", "the",
}


def _forms(*groups):
    return {form for group in groups for form in group.split()}


SPEECH_CUE_WORDS = _forms(
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "write writes wrote writing written",
    "report reports reported reporting",
    "state states stated stating",
    "announce announces announced announcing",
    "according",
    "claim claims claimed claiming",
    "note notes noted noting",
    "explain explains explained explaining",
    "ask asks asked asking",
    "reply replies replied replying",
    "respond responds responded responding",
    "declare declares declared declaring",
    "insist insists insisted insisting",
    "argue argues argued arguing",
    "warn warns warned warning",
    "tweet tweets tweeted tweeting",
    "cite cites cited citing",
    "quote quotes quoted quoting",
    "confirm confirms confirmed confirming",
    "deny denies denied denying",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "mention mentions mentioned mentioning",
    "comment comments commented commenting",
    "remark remarks remarked remarking",
    "recall recalls recalled recalling",
    "speak speaks spoke spoken speaking",
    "testify testifies testified testifying",
)

NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split(),
        start=1,
    )
}

CASUALTY_FIELDS = ("killed", "injured", "killed_civilians", "killed_noncivilians")

# ----------------------------------------------------------------------- arithmetic


def rate(num, den):
    if den == 0:
        return None
    return math.floor(Fraction(num, den) * 10000 + Fraction(1, 2)) / 10000


def prf(tp, fp, fn):
    return {
        "precision": rate(tp, tp + fp),
        "recall": rate(tp, tp + fn),
        "f1": rate(2 * tp, 2 * tp + fp + fn),
    }


# ------------------------------------------------------------------------ byte sets


def bytes_of(spans):
    """The set of byte offsets covered by [start, end) pairs."""
    covered = set()
    for start, end in spans:
        covered.update(range(start, end))
    return covered


def span_pair(value):
    """A predicted [start, end] as a tuple; anything else is a contract violation."""
    if value is None:
        return None
    start, end = value
    if not all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in (start, end)):
        raise ValueError("bad span")
    return (start, end)


def is_match(pred, gold):
    larger = max(len(pred), len(gold))
    return larger > 0 and 2 * len(pred & gold) >= larger


def one_to_one(golds, preds):
    """{gold index: pred index}, best overlap first."""
    candidates = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if is_match(pred, gold):
                ratio = Fraction(len(pred & gold), max(len(pred), len(gold)))
                candidates.append((-ratio, gi, pi))
    candidates.sort()
    gold_taken, pred_taken, pairs = set(), set(), {}
    for _, gi, pi in candidates:
        if gi not in gold_taken and pi not in pred_taken:
            gold_taken.add(gi)
            pred_taken.add(pi)
            pairs[gi] = pi
    return pairs


# --------------------------------------------------------------------------- words


def words(s):
    return re.findall(r"[^\W_]+", s.lower())


def text_of(text_bytes, spans):
    return " ".join(
        text_bytes[s:e].decode("utf-8", "replace") for s, e in sorted(spans) if e > s
    )


def last_real_word(name):
    real = [w for w in words(name) if w not in TITLES]
    return real[-1] if real else None


def names_referent(name, referent):
    a, b = last_real_word(name), last_real_word(referent)
    return (a is not None and a in words(referent)) or (b is not None and b in words(name))


def label_of(source):
    for key in ("name", "text"):
        value = source.get(key)
        if isinstance(value, str) and re.search(r"[^\W_]", value):
            return value
    return None


def source_right(rel, text_bytes, pred_source):
    """rel: gold attribution dict; pred_source: dict or None."""
    if not rel.get("source"):
        return pred_source is None
    if pred_source is None:
        return False
    label = label_of(pred_source)
    referent = rel.get("source_name")
    if isinstance(referent, str) and referent.strip():
        return label is not None and names_referent(label, referent)
    span = span_pair(pred_source.get("span"))
    if span is not None and bytes_of([span]) & bytes_of(rel["source"]):
        return True
    if label is None:
        return False
    mention = set(words(text_of(text_bytes, rel["source"])))
    return all(w in mention for w in words(label))


def speech_cue(cue_text):
    return any(w in SPEECH_CUE_WORDS for w in words(cue_text))


# ---------------------------------------------------------------------------- input


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def align(gold, preds, layer_name):
    """For each gold record, its predicted layer (a dict) or None."""
    queues = {}
    for record in preds:
        queues.setdefault(record["id"], []).append(record)
    used = {}
    out = []
    for doc in gold:
        k = used.get(doc["id"], 0)
        used[doc["id"]] = k + 1
        records = queues.get(doc["id"], [])
        record = records[k] if k < len(records) else None
        layer = None
        if record is not None:
            layer = (record.get("layers") or {}).get(layer_name)
        out.append(layer if isinstance(layer, dict) else None)
    return out


def read_layer(layer, reader):
    """reader(layer) -> parsed; None when missing or of the wrong shape."""
    if layer is None:
        return None
    try:
        return reader(layer)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def optional_str(value):
    if value is None or isinstance(value, str):
        return value
    raise TypeError("not a string")


def optional_source(value):
    if value is None:
        return None
    if not isinstance(value, dict):
        raise TypeError("source")
    return {
        "span": span_pair(value.get("span")),
        "name": optional_str(value.get("name")),
        "text": optional_str(value.get("text")),
    }


def attribution_reader(layer):
    out = []
    for rel in layer.get("attributions") or []:
        out.append({
            "kind": optional_str(rel.get("kind")),
            "content": [span_pair(s) for s in rel.get("content") or []],
            "source": optional_source(rel.get("source")),
        })
    return out


def quotes_reader(layer):
    out = []
    for q in layer.get("quotes") or []:
        out.append({
            "span": span_pair(q.get("span")),
            "kind": optional_str(q.get("kind")),
            "speaker": optional_source(q.get("speaker")),
        })
    return out


def number_or_none(value):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError("not a number")
    return value


def casualties_reader(layer):
    totals = layer.get("totals") or {}
    return {field: number_or_none(totals.get(field)) for field in CASUALTY_FIELDS}


def source_reader(layer):
    dateline = layer.get("dateline")
    if dateline is not None:
        dateline = {"span": span_pair(dateline.get("span")), "place": optional_str(dateline.get("place"))}
    agencies = layer.get("wire_agencies") or []
    if not all(isinstance(a, str) for a in agencies):
        raise TypeError("agencies")
    return {
        "outlet": optional_str(layer.get("outlet")),
        "wire_agencies": agencies,
        "dateline": dateline,
        "boilerplate": [span_pair(b.get("span")) for b in layer.get("boilerplate") or []],
    }


# ---------------------------------------------------------------------------- tasks


def score_relations(task, gold, preds):
    tp = fp = fn = right = cue_gold = cue_found = missing = 0
    for doc, layer in zip(gold, align(gold, preds, "attribution")):
        predicted = read_layer(layer, attribution_reader)
        if predicted is None:
            missing += 1
            predicted = []
        text_bytes = doc["text"].encode("utf-8")
        if task == "direct":
            rels = [r for r in doc.get("attributions", []) if r["kind"] in ("direct", "mixed")]
            predicted = [p for p in predicted if p["kind"] in ("direct", "mixed")]
        else:
            rels = list(doc.get("attributions", []))
        pairs = one_to_one(
            [bytes_of(r.get("content", [])) for r in rels],
            [bytes_of(p["content"]) for p in predicted],
        )
        tp += len(pairs)
        fp += len(predicted) - len(pairs)
        fn += len(rels) - len(pairs)
        for gi, pi in pairs.items():
            right += source_right(rels[gi], text_bytes, predicted[pi]["source"])
        for gi, rel in enumerate(rels):
            if speech_cue(text_of(text_bytes, rel.get("cue", []))):
                cue_gold += 1
                cue_found += gi in pairs
    result = prf(tp, fp, fn)
    result.update({"tp": tp, "fp": fp, "fn": fn, "source_accuracy": rate(right, tp)})
    if task == "attribution":
        result["recall_speech_cues"] = rate(cue_found, cue_gold)
    result["missing_docs"] = missing
    return result


def score_quotes(gold, preds):
    tp = fp = fn = right = missing = 0
    for doc, layer in zip(gold, align(gold, preds, "quotes")):
        quotes = read_layer(layer, quotes_reader)
        if quotes is None:
            missing += 1
            quotes = []
        text_bytes = doc["text"].encode("utf-8")
        rels = doc.get("attributions", [])
        direct = [r for r in rels if r["kind"] == "direct"]
        quoted = bytes_of([s for r in rels if r["kind"] in ("direct", "mixed") for s in r.get("content", [])])
        speech = [q for q in quotes if q["kind"] == "speech"]
        speech_bytes = [bytes_of([q["span"]]) if q["span"] else set() for q in speech]
        pairs = one_to_one([bytes_of(r.get("content", [])) for r in direct], speech_bytes)
        matched_preds = set(pairs.values())
        tp += len(pairs)
        fn += len(direct) - len(pairs)
        for pi, covered in enumerate(speech_bytes):
            if pi not in matched_preds and 2 * len(covered & quoted) < len(covered):
                fp += 1
        for gi, pi in pairs.items():
            right += source_right(direct[gi], text_bytes, speech[pi]["speaker"])
    result = prf(tp, fp, fn)
    result.update({"tp": tp, "fp": fp, "fn": fn, "speaker_accuracy": rate(right, tp), "missing_docs": missing})
    return result


def numbers_written(text):
    found = set()
    for m in re.finditer(r"[^\W_]+", text):
        token = m.group()
        if re.fullmatch(r"[0-9]+", token):
            digits, pos = token, m.end()
            group = re.compile(r",([0-9]{3})(?![^\W_])")
            g = group.match(text, pos)
            while g:
                digits += g.group(1)
                pos = g.end()
                g = group.match(text, pos)
            found.add(int(digits))
        elif token.lower() in NUMBER_WORDS:
            found.add(NUMBER_WORDS[token.lower()])
    return found


def score_casualties(gold, preds):
    stats = {f: {"n": 0, "exact": 0, "within": 0, "covered": 0, "zero_n": 0, "zero_right": 0} for f in CASUALTY_FIELDS}
    missing = 0
    for doc, layer in zip(gold, align(gold, preds, "casualties")):
        totals = read_layer(layer, casualties_reader)
        if totals is None:
            missing += 1
            totals = {f: None for f in CASUALTY_FIELDS}
        final_toll = doc.get("dataset") == "gva" or doc.get("gold_level") == "incident"
        flags = doc.get("gold_in_text")
        written = None
        for field in CASUALTY_FIELDS:
            g = doc.get(field)
            p = totals[field]
            s = stats[field]
            if g is None:
                continue
            if g == 0:
                s["zero_n"] += 1
                s["zero_right"] += p is None or p == 0
                continue
            if final_toll:
                flag = flags.get(field) if isinstance(flags, dict) else None
                if isinstance(flag, bool):
                    in_text = flag
                else:
                    if written is None:
                        written = numbers_written(doc["text"])
                    in_text = g in written
                if not in_text:
                    continue
            s["n"] += 1
            if p is not None:
                s["covered"] += 1
                s["exact"] += p == g
                s["within"] += abs(p - g) <= 1 or 10 * abs(p - g) <= g
    result = {}
    for field in CASUALTY_FIELDS:
        s = stats[field]
        result[field] = {
            "n": s["n"],
            "exact": rate(s["exact"], s["n"]),
            "within_10pct": rate(s["within"], s["n"]),
            "coverage": rate(s["covered"], s["n"]),
            "zero_n": s["zero_n"],
            "zero_correct": rate(s["zero_right"], s["zero_n"]),
        }
    result["missing_docs"] = missing
    return result


def canon(name):
    if not isinstance(name, str):
        return None
    return " ".join(name.split()).lower() or None


def score_source(gold, preds):
    named = [0, 0]
    unnamed = [0, 0]
    agencies_right = 0
    dl_tp = dl_pred = dl_gold = places = 0
    bp_shared = bp_pred = bp_gold = 0
    missing = 0
    for doc, layer in zip(gold, align(gold, preds, "source")):
        out = read_layer(layer, source_reader)
        if out is None:
            missing += 1
            out = {"outlet": None, "wire_agencies": [], "dateline": None, "boilerplate": []}

        gold_outlet = canon(doc.get("outlet"))
        in_text = doc.get("outlet_in_text")
        if not isinstance(in_text, bool):
            in_text = gold_outlet is not None and doc["outlet"].lower() in doc["text"].lower()
        said = canon(out["outlet"])
        if said is not None:
            outlet_ok = said == gold_outlet
        else:
            outlet_ok = gold_outlet is None or not in_text
        bucket = named if in_text else unnamed
        bucket[0] += outlet_ok
        bucket[1] += 1

        gold_agencies = {canon(a) for a in doc.get("wire_agency") or []} - {None}
        out_agencies = {canon(a) for a in out["wire_agencies"]} - {None}
        agencies_right += gold_agencies == out_agencies

        gd = doc.get("dateline")
        pd = out["dateline"]
        dl_gold += gd is not None
        dl_pred += pd is not None
        if gd is not None and pd is not None:
            p_bytes = bytes_of([pd["span"]]) if pd["span"] else set()
            if is_match(p_bytes, bytes_of([(gd["start"], gd["end"])])):
                dl_tp += 1
                places += canon(gd.get("city")) == canon(pd["place"])

        g_bytes = bytes_of([(b["start"], b["end"]) for b in doc.get("boilerplate") or []])
        p_bytes = bytes_of([s for s in out["boilerplate"] if s is not None])
        bp_shared += len(g_bytes & p_bytes)
        bp_pred += len(p_bytes)
        bp_gold += len(g_bytes)

    docs = named[1] + unnamed[1]
    dateline = prf(dl_tp, dl_pred - dl_tp, dl_gold - dl_tp)
    dateline["place_accuracy"] = rate(places, dl_tp)
    return {
        "outlet_accuracy": rate(named[0] + unnamed[0], docs),
        "outlet_named_in_text_accuracy": rate(named[0], named[1]),
        "outlet_abstention_accuracy": rate(unnamed[0], unnamed[1]),
        "wire_agency_set_accuracy": rate(agencies_right, docs),
        "dateline": dateline,
        "boilerplate_bytes": prf(bp_shared, bp_pred - bp_shared, bp_gold - bp_shared),
        "missing_docs": missing,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", required=True, choices=["direct", "attribution", "quotes", "casualties", "source"])
    parser.add_argument("--gold", required=True)
    parser.add_argument("--pred", required=True)
    args = parser.parse_args(argv)
    gold = read_jsonl(args.gold)
    preds = read_jsonl(args.pred)
    if args.task in ("direct", "attribution"):
        result = score_relations(args.task, gold, preds)
    elif args.task == "quotes":
        result = score_quotes(gold, preds)
    elif args.task == "casualties":
        result = score_casualties(gold, preds)
    else:
        result = score_source(gold, preds)
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
