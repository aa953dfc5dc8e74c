"""Seeded synthetic news corpus with a known duplicate and story structure, built from real text.

Usage: python bench/corpus.py --n 10000 --seed 7 --out bench/out/corpus_10k.parquet

Recipe (all draws from one numpy Generator, so a seed gives the same corpus byte for byte):
- Real sentences come from the bundled sample and tests/fixtures/dedup; every capitalised name and
  number in them becomes a slot. A *story* is a fact sheet (generated surnames with real first
  names, places, an organisation, numbers: an entity swap from lists) and a date.
- An *independent account* of a story: its own draw of sentences from the pool, slots filled from
  the story's sheet, plus (usually) the story's one or two key sentences (the quote, the figure)
  that every outlet repeats. Some accounts carry a background sentence about an OLD story, some
  are undated or dated to the month only, and some stories are follow-ups that reuse one actor
  of an earlier story a few days later: the traps.
- *Copies* of an account: exact re-crawls, or syndicated copies with other leftovers (site name,
  menus, "Lire aussi"), another headline, a paragraph cut or one added.
Columns: doc_id, text, title, published_start, published_end, true_dup_group, true_story.
"""

from __future__ import annotations

import argparse
import re
import time
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "data" / "raw"
FIXTURE_DIR = ROOT / "tests" / "fixtures" / "dedup"

_SPLIT = re.compile(r"(?<=[.!?»\"])\s+(?=[«\"A-ZÀÂÉÈÊÎÔÛÇ])")
_ENTITY = re.compile(r"(?<=[\s'’(«\"-])[A-ZÀÂÉÈÊÎÔÛÇ][\wÀ-ÿ]+(?:-[A-ZÀÂÉÈÊÎÔÛÇ][\wÀ-ÿ]+)*")
_NUMBER = re.compile(r"\b\d+(?:[ ,.]\d+)*\b")
_SENTENCE_END = re.compile(r"[.!?»\"…)]$")

SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("text", pa.large_string()),
        ("title", pa.string()),
        ("published_start", pa.timestamp("us")),
        ("published_end", pa.timestamp("us")),
        ("true_dup_group", pa.string()),
        ("true_story", pa.int64()),
    ]
)
FIRST_NAMES = (
    "Anne Claire Jean Pierre Marie Louis Sophie Paul Hélène Marc Julie Yann Nadia Karim Léa Hugo "
    "Camille Thomas Inès Olivier Sarah Nicolas Emma Antoine Chloé Mehdi Lucie Bruno Agnès Rachid"
).split()
SYLLABLES = (
    "ka ro mi ta ve lo za ni du pe sa ri bo le ga tu mo fi na ke di lu so be ra vi go ne pa si "
    "tor val mar ber den gal kor lin mor san tel vik dra bel gro"
).split()
PLACE_SUFFIXES = ["", "-sur-Mer", "-la-Forêt", "-le-Haut", "ville", "bourg", "-en-Vallée"]
SITES = [
    "La Gazette", "Le Courrier du Soir", "La Voix du Littoral", "Ouest Matin", "L'Écho des Régions",
    "Le Journal du Centre", "Info Continue", "Le Républicain", "La Dépêche Nord", "Actu Plus",
]
HEADERS = [
    "Accueil > Monde", "Accueil > Régions", "Menu  Rechercher  S'abonner", "Publicité",
    "Dernières infos", "ÉDITION NUMÉRIQUE", "Se connecter | S'abonner",
]
FOOTERS = [
    "Partager cet article", "Facebook Twitter E-mail", "Loading...", "L'info de A à Z Voir Plus",
    "Sur le même sujet", "Nos newsletters : l'essentiel de l'actualité chaque matin",
    "© Tous droits réservés", "(avec AFP)", "Lire aussi : les prévisions météo du week-end",
    "Vous avez aimé cet article ? Abonnez-vous", "Partager : Facebook | X | WhatsApp | Copier le lien",
]


def seed_texts() -> list[str]:
    """The real articles the corpus is built from: the sample and the dedup fixtures."""
    paths = sorted(SAMPLE_DIR.glob("*.txt")) + sorted(FIXTURE_DIR.glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths if "copy_of" not in p.name]


def sentence_templates(texts: list[str]) -> list[tuple[list[str], list[str]]]:
    """Distinct body sentences cut into (literal pieces, slot kinds) around names and numbers."""
    seen: set[str] = set()
    templates = []
    for text in texts:
        for line in text.split("\n"):
            line = line.strip()
            if len(line.split()) < 10 or not _SENTENCE_END.search(line):
                continue  # leftovers and headlines are not body text
            for sent in _SPLIT.split(line):
                if len(sent.split()) < 6 or sent in seen:
                    continue
                seen.add(sent)
                pieces, kinds, pos = [], [], 0
                spans = [(m.start(), m.end(), "E", m.group()) for m in _ENTITY.finditer(sent)]
                spans += [(m.start(), m.end(), "N", m.group()) for m in _NUMBER.finditer(sent)]
                for s, e, kind, word in sorted(spans):
                    if s < pos:
                        continue
                    pieces.append(sent[pos:s])
                    # Which sheet entry fills the slot: stable per original word, so "Kirby"
                    # becomes the same person everywhere within one story.
                    kinds.append(f"{kind}{zlib.crc32(word.encode()) % 6 if kind == 'E' else zlib.crc32(word.encode()) % 3}")
                    pos = e
                pieces.append(sent[pos:])
                templates.append((pieces, kinds))
    return templates


def _name(code: int, n_syllables: int = 3) -> str:
    """A unique pseudo-surname for an integer code (base-len(SYLLABLES) digits)."""
    space = len(SYLLABLES) ** n_syllables
    code = (code * 2_654_435_761) % space  # bijective scramble (the multiplier is prime)
    parts = []
    for _ in range(n_syllables):
        code, r = divmod(code, len(SYLLABLES))
        parts.append(SYLLABLES[r])
    return "".join(parts).capitalize()


class CorpusBuilder:
    """Draws stories, accounts and copies until n documents exist."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.templates = sentence_templates(seed_texts())
        self.rows: list[dict] = []
        self.sheets: list[dict] = []

    def sheet(self, story: int, inherit: dict | None) -> dict:
        """Fact sheet of a story: six proper nouns and three numbers, unique to the story."""
        rng = self.rng
        base = story * 8 + 1000
        ents = []
        for j in range(6):
            if j % 3 == 0:
                ents.append(f"{FIRST_NAMES[rng.integers(len(FIRST_NAMES))]} {_name(base + j, 5)}")
            elif j % 3 == 1:
                ents.append(_name(base + j, 5) + PLACE_SUFFIXES[rng.integers(len(PLACE_SUFFIXES))])
            else:
                ents.append(_name(base + j, 5))
        if inherit is not None:  # follow-up story: same lead actor, different news
            ents[0] = inherit["E"][0]
        nums = [str(int(x)) for x in rng.integers(10, 100_000, size=3)]
        key = list(rng.choice(len(self.templates), size=2, replace=False))
        return {"E": ents, "N": nums, "key": key}

    def sentence(self, t: int, sheet: dict) -> str:
        pieces, kinds = self.templates[t]
        out = [pieces[0]]
        for kind, piece in zip(kinds, pieces[1:]):
            out.append(sheet[kind[0]][int(kind[1:])])
            out.append(piece)
        return "".join(out)

    def account(self, story: int, sheet: dict, day: int) -> tuple[str, str, list[str]]:
        """One independent article: title, leftover lines, paragraphs."""
        rng = self.rng
        n_sent = int(rng.integers(8, 14))
        picks = [int(x) for x in rng.choice(len(self.templates), size=n_sent, replace=False)]
        for k in sheet["key"]:
            if rng.random() < 0.8 and k not in picks:
                picks.insert(int(rng.integers(0, 3)), int(k))
        sents = [self.sentence(t, sheet) for t in picks]
        if len(self.sheets) > 50 and rng.random() < 0.15:
            # Background: one sentence about an old, unrelated story.
            old = self.sheets[int(rng.integers(0, len(self.sheets) - 20))]
            sents.insert(int(rng.integers(2, len(sents))), self.sentence(int(rng.integers(len(self.templates))), old))
        paragraphs, i = [], 0
        while i < len(sents):
            k = int(rng.integers(2, 4))
            paragraphs.append(" ".join(sents[i : i + k]))
            i += k
        title = f"{sheet['E'][int(rng.integers(0, 6))]} : {sents[0].split(',')[0][:80]}"
        return title, SITES[int(rng.integers(len(SITES)))], paragraphs

    def render(self, site: str, title: str, paragraphs: list[str]) -> str:
        rng = self.rng
        head = [site] + [HEADERS[int(i)] for i in rng.choice(len(HEADERS), size=int(rng.integers(0, 3)), replace=False)]
        foot = [FOOTERS[int(i)] for i in rng.choice(len(FOOTERS), size=int(rng.integers(1, 4)), replace=False)]
        return "\n\n".join(head + [title] + paragraphs + foot) + "\n"

    def dates(self, day: int) -> tuple[object, object]:
        r = self.rng.random()
        d = pd.Timestamp("2021-01-01") + pd.Timedelta(days=day)
        if r < 0.08:
            return pd.NaT, pd.NaT
        if r < 0.12:  # month precision only
            start = d.replace(day=1)
            return start, start + pd.offsets.MonthEnd(0)
        return d, d

    def build(self, n: int, batch_rows: int = 50_000):
        """Yield the corpus as pyarrow tables of about batch_rows rows (memory stays flat)."""
        rng = self.rng
        # Row order is generation order; doc ids are a seeded permutation so they carry no hint.
        doc_ids = rng.permutation(n)
        story, emitted = 0, 0
        while emitted < n:
            inherit = None
            if self.sheets and rng.random() < 0.1:
                prev = int(rng.integers(max(0, len(self.sheets) - 200), len(self.sheets)))
                inherit = self.sheets[prev]
                day = inherit["day"] + int(rng.integers(2, 10))
            else:
                day = int(rng.integers(0, 1460))
            sheet = self.sheet(story, inherit)
            sheet["day"] = day
            for a in range(int(rng.geometric(0.45))):
                adate = day + int(rng.integers(0, 2))
                title, site, paragraphs = self.account(story, sheet, adate)
                group = f"{story}-{a}"
                start, end = self.dates(adate)
                text = self.render(site, title, paragraphs)
                self.rows.append(dict(text=text, title=title, published_start=start, published_end=end, true_dup_group=group, true_story=story))
                n_copies = int(rng.geometric(0.5)) - 1 if rng.random() < 0.5 else 0
                for _ in range(n_copies):
                    self.rows.append(self.copy(text, title, paragraphs, sheet, adate, group, story))
            self.sheets.append({"E": sheet["E"], "N": sheet["N"], "day": day})
            story += 1
            if len(self.rows) >= batch_rows or emitted + len(self.rows) >= n:
                rows, self.rows = self.rows[: n - emitted], []
                yield self._table(rows, doc_ids[emitted : emitted + len(rows)])
                emitted += len(rows)

    @staticmethod
    def _table(rows: list[dict], ids: np.ndarray) -> pa.Table:
        df = pd.DataFrame(rows)
        df.insert(0, "doc_id", [f"d{i:08d}" for i in ids])
        df["true_story"] = df["true_story"].astype("int64")
        for col in ("published_start", "published_end"):
            df[col] = pd.to_datetime(df[col]).astype("datetime64[us]")
        return pa.Table.from_pandas(df, schema=SCHEMA, preserve_index=False)

    def copy(self, text, title, paragraphs, sheet, day, group, story) -> dict:
        """An exact re-crawl, or a syndicated copy: other leftovers/headline, paragraph cut or added."""
        rng = self.rng
        start, end = self.dates(day + int(rng.integers(0, 2)))
        if rng.random() < 0.3:
            return dict(text=text, title=title, published_start=start, published_end=end, true_dup_group=group, true_story=story)
        paras = list(paragraphs)
        r = rng.random()
        if r < 0.35 and len(paras) >= 4:
            del paras[int(rng.integers(1, len(paras)))]
        elif r < 0.6:
            extra = " ".join(self.sentence(int(t), sheet) for t in rng.choice(len(self.templates), size=2, replace=False))
            paras.insert(int(rng.integers(1, len(paras) + 1)), extra)
        new_title = title if rng.random() < 0.5 else f"{sheet['E'][int(rng.integers(0, 6))]} : {paras[-1].split(',')[0][:60]}"
        site = SITES[int(rng.integers(len(SITES)))]
        return dict(text=self.render(site, new_title, paras), title=new_title, published_start=start, published_end=end, true_dup_group=group, true_story=story)


def generate(n: int, seed: int = 7) -> pd.DataFrame:
    """n synthetic articles with known duplicate groups and stories, reproducible from seed."""
    return pa.concat_tables(list(CorpusBuilder(seed).build(n))).to_pandas()


def write_corpus(n: int, seed: int, out: Path) -> None:
    """Stream the corpus of generate(n, seed) to a parquet file, batch by batch."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(out, SCHEMA) as writer:
        for table in CorpusBuilder(seed).build(n):
            writer.write_table(table)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or ROOT / "bench" / "out" / f"corpus_{args.n}_s{args.seed}.parquet"
    t0 = time.perf_counter()
    write_corpus(args.n, args.seed, out)
    df = pd.read_parquet(out, columns=["true_dup_group", "true_story"])
    print(
        f"wrote {out}: {len(df)} docs, {df['true_story'].nunique()} stories, "
        f"{df['true_dup_group'].nunique()} originals, {len(df) - df['true_dup_group'].nunique()} copies, "
        f"{time.perf_counter() - t0:.1f} s"
    )


if __name__ == "__main__":
    main()
