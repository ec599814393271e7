#!/usr/bin/env python3
"""make-meta-corpus.py OUTDIR

Writes a corpus of acmart papers for measuring `proceedings meta`:
OUTDIR/<name>/paper.tex (the source, typeset later with the real acmart) and
OUTDIR/<name>/truth.json (what the paper says, from this generator, never
from a reader). Deterministic: the same corpus on every run.

Papers vary over acmart's formats (sigconf, sigplan, acmsmall, acmlarge,
acmtog, manuscript), its options (nonacm, screen, review, anonymous,
authordraft), 1 to 25 authors, shared, multiple and additional
affiliations, author notes, teasers, several emails, names with TeX accents
and UTF-8 letters, particles, hyphens, initials and suffixes, names in
Greek and Cyrillic (typeset with lualatex), and titles that are long, broken
with \\\\, carry math, a short form, a subtitle or a translated title.
"""
import json
import os
import random
import sys
import zlib

# (TeX spelling, Unicode spelling, ascii mailbox). Half of the accented names
# are written with TeX accents, half as UTF-8, as authors do both.
NAMES = [
    (r"Zo\"{e} \AA{}ngstr\"{o}m", "Zoë Ångström", "zoe.angstrom"),
    (r"Fran{\c c}ois P\'erez", "François Pérez", "francois.perez"),
    (r"Ji\v{r}\'{\i} Nov\'ak", "Jiří Novák", "jiri.novak"),
    (r"Bj\o{}rn Eriksen", "Bjørn Eriksen", "bjorn.eriksen"),
    ("José María García-López", "José María García-López", "jm.garcia"),
    ("Ludwig van der Berg", "Ludwig van der Berg", "l.vanderberg"),
    ("María de la Cruz", "María de la Cruz", "maria.delacruz"),
    ("Anne-Marie Dubois", "Anne-Marie Dubois", "am.dubois"),
    ("J. R. Whitfield", "J. R. Whitfield", "jr.whitfield"),
    ("Robert T. Hollis Jr.", "Robert T. Hollis Jr.", "rhollis"),
    (r"\L{}ukasz Kowalczyk", "Łukasz Kowalczyk", "lukasz.k"),
    ("Søren Lindqvist", "Søren Lindqvist", "soren"),
    (r"Hans M\"uller-L\"udtke", "Hans Müller-Lüdtke", "hans.mueller"),
    ("Chen Wei", "Chen Wei", "chen.wei"),
    ("Priya Raghavan", "Priya Raghavan", "priya"),
    ("Kwame Mensah", "Kwame Mensah", "kmensah"),
    (r"Ay\c{s}e Y\i{}lmaz", "Ayşe Yılmaz", "ayse.yilmaz"),
    ("Oluwaseun Adeyemi", "Oluwaseun Adeyemi", "seun"),
    ("Hiroshi Tanaka", "Hiroshi Tanaka", "h.tanaka"),
    ("Ingrid Halvorsen", "Ingrid Halvorsen", "ingrid"),
    ("Mateus Oliveira", "Mateus Oliveira", "mateus"),
    ("Léa Fontaine", "Léa Fontaine", "lea.fontaine"),
    ("Pieter de Vries", "Pieter de Vries", "p.devries"),
    ("Giulia Esposito", "Giulia Esposito", "g.esposito"),
    ("Alexandra M. Ionescu", "Alexandra M. Ionescu", "a.ionescu"),
    ("Samuel K. Okafor III", "Samuel K. Okafor III", "sokafor"),
    ("Min-jun Park", "Min-jun Park", "minjun.park"),
    ("Fatima Zahra El Amrani", "Fatima Zahra El Amrani", "f.elamrani"),
    ("Tomás Ó Briain", "Tomás Ó Briain", "tobriain"),
    ("Elena Petrova", "Elena Petrova", "e.petrova"),
    ("David Nakamura-Smith", "David Nakamura-Smith", "dns"),
    ("Charlotte Lefèvre", "Charlotte Lefèvre", "c.lefevre"),
    ("Rahul Deshpande", "Rahul Deshpande", "rahul.d"),
    ("Nils Bergström", "Nils Bergström", "nils.b"),
    ("Amara Nwosu", "Amara Nwosu", "anwosu"),
    ("Jakub Dvořák", "Jakub Dvořák", "jakub.dvorak"),
    ("Wen-Hsuan Lin", "Wen-Hsuan Lin", "whlin"),
    ("Beatriz Álvarez", "Beatriz Álvarez", "b.alvarez"),
    ("Kai-Uwe Schröder", "Kai-Uwe Schröder", "ku.schroeder"),
    ("Marguerite d'Arcy", "Marguerite d’Arcy", "m.darcy"),
]
# Other scripts: typeset with lualatex (Libertine has Greek and Cyrillic).
NAMES_OTHER_SCRIPTS = [
    ("Алексей Иванов", "Алексей Иванов", "a.ivanov"),
    ("Γιώργος Παπαδόπουλος", "Γιώργος Παπαδόπουλος", "g.papadopoulos"),
    ("Ольга Смирнова", "Ольга Смирнова", "o.smirnova"),
]

# institution, city, state ("" when none), postcode ("" when none), country, domain
PLACES = [
    ("University of Springfield", "Springfield", "Illinois", "62701", "USA", "springfield.edu"),
    ("Northbrook Institute of Technology", "Northbrook", "IL", "", "USA", "nit.edu"),
    ("Technische Universität Musterstadt", "Musterstadt", "", "12345", "Germany", "tu-musterstadt.de"),
    ("Université Exemple", "Montréal", "Québec", "", "Canada", "uexemple.ca"),
    ("Instituto Tecnológico de Ejemplo", "Valencia", "", "", "Spain", "ite.es"),
    ("Example Research Laboratory", "Oak Ridge", "Tennessee", "", "USA", "erl.gov"),
    ("Università degli Studi di Esempio", "Torino", "", "", "Italy", "unies.it"),
    ("Hypothetical National Laboratory", "Livermore", "California", "94550", "USA", "hnl.gov"),
    ("Midwest Center for Advanced Computing Research and Applied Mathematical Sciences", "Chicago", "Illinois", "", "USA", "mcacr.org"),
    ("Kōbe Institute of Information Science", "Kobe", "", "", "Japan", "kiis.ac.jp"),
    ("Nordic Institute for Systems Research", "Trondheim", "", "", "Norway", "nisr.no"),
    ("Federal University of Example", "Porto Alegre", "RS", "", "Brazil", "ufe.br"),
    ("Indian Institute of Sample Sciences", "Bengaluru", "Karnataka", "", "India", "iiss.ac.in"),
    ("Example Polytechnic University", "Hong Kong", "", "", "China", "epu.edu.hk"),
    ("University of Placeholder", "Melbourne", "Victoria", "3000", "Australia", "placeholder.edu.au"),
    ("École Polytechnique Fictive", "Lausanne", "", "", "Switzerland", "epf.ch"),
    ("Delft Sample University", "Delft", "", "", "Netherlands", "dsu.nl"),
    ("Stand-in Computing Company", "Seattle", "Washington", "98101", "USA", "standin.com"),
    ("Charles Example University", "Prague", "", "", "Czech Republic", "ceu.cz"),
    ("University of Fictional Studies", "Edinburgh", "", "", "United Kingdom", "ufs.ac.uk"),
]
DEPARTMENTS = [
    "Department of Computer Science", "School of Electrical and Computer Engineering",
    "Computing Sciences Division", "Institute for Parallel Systems", "Faculty of Informatics",
    "Department of Mathematics",
]
POSITIONS = ["Professor", "Research Scientist", "PhD Student"]
STREETS = ["1 Main Street", "200 University Avenue", "Musterweg 7"]

TITLES = [
    r"Scheduling Stand-in Workflows across Accelerators",
    r"A Study of Synthetic Papers and Their Metadata",
    (r"Energy-Aware Placement of Deep Learning Training Jobs on Heterogeneous Clusters with Tiered Memory "
     r"and Disaggregated Storage"),
    r"Fast Sorting in $O(n \log n)$ Time on Many-Core Processors",
    r"$\alpha$-Fair Sharing of GPUs for Serverless Inference",
    r"Line Breaks in Titles:\\ A Second Line",
    r"Checkpointing \& Restart for Exascale Simulations",
    r"``Quoted'' Words in a Title: Reading Them Back",
    r"Tracing I/O at Scale with Low Overhead",
    r"Compilers for Sparse Tensor Algebra on $\lambda$-Calculus Foundations",
    r"On the Convergence of Federated Averaging with Heterogeneous Clients",
    r"MPI+X: Hybrid Programming Revisited",
]
SUBTITLES = ["An Experience Report", "Lessons from Ten Years of Practice"]

# Unicode form of each title as printed (math as text, \\ as a space).
TITLE_TEXT = {
    r"Fast Sorting in $O(n \log n)$ Time on Many-Core Processors": "Fast Sorting in O(n log n) Time on Many-Core Processors",
    r"$\alpha$-Fair Sharing of GPUs for Serverless Inference": "α-Fair Sharing of GPUs for Serverless Inference",
    r"Line Breaks in Titles:\\ A Second Line": "Line Breaks in Titles: A Second Line",
    r"Checkpointing \& Restart for Exascale Simulations": "Checkpointing & Restart for Exascale Simulations",
    r"``Quoted'' Words in a Title: Reading Them Back": "“Quoted” Words in a Title: Reading Them Back",
    r"Compilers for Sparse Tensor Algebra on $\lambda$-Calculus Foundations":
        "Compilers for Sparse Tensor Algebra on λ-Calculus Foundations",
}

BODY = r"""
\section{Introduction}
This paper is synthetic. It exists so that a metadata reader can be measured
against a source whose every field is known, typeset with the real acmart
class in the %(format)s format. The sentences that follow carry no meaning and
only fill the column the way a real introduction would fill it, with words of
ordinary length and an occasional number such as 42 or 3.14.
Readers of proceedings expect a title, the authors with their affiliations,
an abstract, keywords and concepts, and then the body of the paper.

\section{Method}
We describe nothing in particular. A method section of a real paper would
explain an approach, its assumptions and its limits; here the text only
occupies space so that the first page looks like the first page of a paper.
"""

CCS = r"""
\begin{CCSXML}
<ccs2012>
<concept>
<concept_id>10010147.10010169</concept_id>
<concept_desc>Computing methodologies~Parallel computing methodologies</concept_desc>
<concept_significance>500</concept_significance>
</concept>
</ccs2012>
\end{CCSXML}
\ccsdesc[500]{Computing methodologies~Parallel computing methodologies}
"""


def orcid(rng):
    digits = [0, 0, 0, 0, 0, 0, 0, rng.randrange(1, 4)] + [rng.randrange(10) for _ in range(7)]
    total = 0
    for d in digits:
        total = (total + d) * 2
    check = (12 - total % 11) % 11
    s = "".join(map(str, digits)) + ("X" if check == 10 else str(check))
    return "-".join(s[i:i + 4] for i in range(0, 16, 4))


def make_affiliation(rng, with_department, with_position=False, with_street=False, place=None):
    inst, city, state, postcode, country, domain = place or rng.choice(PLACES)
    departments = []
    if with_department:
        departments = [rng.choice(DEPARTMENTS)]
        if with_department == 2:
            departments.append(rng.choice([d for d in DEPARTMENTS if d != departments[0]]))
    return {
        "position": rng.choice(POSITIONS) if with_position else "",
        "departments": departments,
        "institution": inst,
        "street": rng.choice(STREETS) if with_street else "",
        "city": city,
        "state": state,
        "postcode": postcode,
        "country": country,
        "_domain": domain,
    }


def affiliation_tex(aff):
    parts = []
    if aff["position"]:
        parts.append(r"\position{%s}" % aff["position"])
    for d in aff["departments"]:
        parts.append(r"\department{%s}" % d)
    parts.append(r"\institution{%s}" % tex_escape(aff["institution"]))
    if aff["street"]:
        parts.append(r"\streetaddress{%s}" % aff["street"])
    parts.append(r"\city{%s}" % aff["city"])
    if aff["state"]:
        parts.append(r"\state{%s}" % aff["state"])
    if aff["postcode"]:
        parts.append(r"\postcode{%s}" % aff["postcode"])
    parts.append(r"\country{%s}" % aff["country"])
    return "\n  ".join(parts)


def tex_escape(text):
    return text.replace("&", r"\&")


def public(aff):
    return {k: v for k, v in aff.items() if not k.startswith("_")}


class Paper:
    def __init__(self, name, rng, fmt, options=(), engine="pdflatex", authors=3, layout="own",
                 title=None, subtitle=None, teaser=False, notes=False, departments=0.5, orcids=0.5,
                 two_emails=False, email_first=False, additional=False, multi=False, positions=False,
                 streets=False, short_title=False, scripts=False, translated=False):
        self.name, self.rng, self.fmt, self.options, self.engine = name, rng, fmt, list(options), engine
        self.title_tex = title or rng.choice(TITLES)
        self.subtitle = subtitle
        self.teaser, self.notes, self.short_title = teaser, notes, short_title
        self.translated = translated
        pool = list(NAMES)
        rng.shuffle(pool)
        if scripts:
            pool = NAMES_OTHER_SCRIPTS + pool
        people = pool[:authors] if authors <= len(pool) else (pool * 2)[:authors]
        self.authors = []
        shared = None
        for k, (tex, text, mailbox) in enumerate(people):
            author = {"tex": tex, "name": text, "orcid": orcid(rng) if rng.random() < orcids else "",
                      "affiliations": [], "additional": [], "emails": []}
            if layout == "shared" and shared is not None and k % 3 != 0:
                author["affiliations"] = shared  # the same affiliation, written once after the group
                author["shares_next"] = True
            else:
                dep = 0
                if rng.random() < departments:
                    dep = 2 if rng.random() < 0.2 else 1
                aff = make_affiliation(rng, dep, positions and rng.random() < 0.5, streets and rng.random() < 0.5)
                author["affiliations"] = [aff]
                shared = author["affiliations"]
                if multi and rng.random() < 0.5:
                    author["affiliations"] = [aff, make_affiliation(rng, 0)]
                if additional and rng.random() < 0.5:
                    author["additional"] = [make_affiliation(rng, 0)]
            domain = author["affiliations"][0]["_domain"]
            author["emails"] = [f"{mailbox}@{domain}"]
            if two_emails and rng.random() < 0.5:
                author["emails"].append(f"{mailbox}@example.org")
            author["email_first"] = email_first and rng.random() < 0.5
            self.authors.append(author)
        if layout == "shared":
            self.regroup_shared()

    def regroup_shared(self):
        # acmart's rule: consecutive authors without their own \affiliation share the next one,
        # so in a group every author but the last is written without it.
        for k, a in enumerate(self.authors):
            nxt = self.authors[k + 1] if k + 1 < len(self.authors) else None
            a["write_affiliation"] = not (nxt is not None and nxt.get("shares_next"))

    def author_tex(self):
        out = []
        for k, a in enumerate(self.authors):
            out.append(r"\author{%s}" % a["tex"])
            if k == 0 and self.notes:
                out.append(r"\authornote{Both authors contributed equally to this research.}")
            elif k == 1 and self.notes:
                out.append(r"\authornotemark[1]")
            if a["orcid"]:
                out.append(r"\orcid{%s}" % a["orcid"])
            emails = [r"\email{%s}" % e for e in a["emails"]]
            if a["email_first"]:
                out += emails
            if a.get("write_affiliation", True):
                for aff in a["affiliations"]:
                    out.append("\\affiliation{%\n  " + affiliation_tex(aff) + "}")
            for aff in a["additional"]:
                out.append(r"\additionalaffiliation{%s}" % affiliation_tex(aff).replace("\n  ", ""))
            if not a["email_first"]:
                out += emails
        return "\n".join(out)

    def tex(self):
        # Debian's TeX Live has babel's English only unless texlive-lang-* is installed
        languages = ["language=english"] if self.translated else []
        options = ",".join([self.fmt] + self.options + languages)
        lines = ["% !TeX program = lualatex"] if self.engine == "lualatex" else []
        lines += [f"% Generated by scripts/make-meta-corpus.py: {self.name} ({self.engine})",
                 r"\documentclass[%s]{acmart}" % options]
        if "nonacm" not in self.options:
            lines += [r"\setcopyright{acmlicensed}", r"\copyrightyear{2025}", r"\acmYear{2025}",
                      r"\acmDOI{10.1145/3712345.3712%03d}" % (zlib.crc32(self.name.encode()) % 1000)]
            if self.fmt in ("sigconf", "sigplan"):
                lines += [r"\acmConference[SYN '25]{Synthetic Workshop on Test Papers}{November 16--21, 2025}{St. Louis, MO, USA}",
                          r"\acmBooktitle{Synthetic Workshop on Test Papers (SYN '25), November 16--21, 2025, St. Louis, MO, USA}",
                          r"\acmISBN{979-8-4007-0000-0/25/11}"]
            else:
                lines += [r"\acmJournal{JACM}", r"\acmVolume{1}", r"\acmNumber{1}", r"\acmArticle{1}", r"\acmMonth{1}"]
        lines.append(r"\begin{document}")
        title = self.title_tex
        lines.append((r"\title[Short Title]{%s}" if self.short_title else r"\title{%s}") % title)
        if self.subtitle:
            lines.append(r"\subtitle{%s}" % self.subtitle)
        if self.translated:  # set in the title's own font under it; not the title
            lines.append(r"\translatedtitle{english}{A Translated Title Set under the Title}")
        lines.append(self.author_tex())
        if self.fmt not in ("sigconf", "sigplan") and len(self.authors) > 3:
            lines.append(r"\renewcommand{\shortauthors}{%s et al.}" % self.authors[0]["tex"])
        lines.append(r"\begin{abstract}" + "\nThis synthetic abstract says that the paper is generated to measure a metadata reader.\n" + r"\end{abstract}")
        lines.append(CCS)
        lines.append(r"\keywords{metadata, synthetic papers, acmart}")
        if self.teaser:
            lines.append(r"\begin{teaserfigure}" + "\n\\centering\\rule{0.8\\textwidth}{3cm}\n" +
                         r"\caption{A teaser figure standing in for a picture of the system.}" + "\n\\label{fig:teaser}\n" +
                         r"\end{teaserfigure}")
        lines.append(r"\maketitle")
        lines.append(BODY % {"format": self.fmt})
        lines.append(r"\end{document}")
        return "\n".join(lines) + "\n"

    def truth(self):
        title = TITLE_TEXT.get(self.title_tex, self.title_tex)
        return {
            "name": self.name, "format": self.fmt, "options": self.options, "engine": self.engine,
            "title": title, "subtitle": self.subtitle or "",
            "anonymous": "anonymous" in self.options,
            "authors": [{"name": a["name"], "affiliations": [public(x) for x in a["affiliations"]],
                         "additional": [public(x) for x in a["additional"]], "emails": a["emails"],
                         "orcid": a["orcid"]} for a in self.authors],
        }


def corpus():
    specs = []
    formats = ["sigconf", "sigplan", "acmsmall", "acmlarge", "acmtog", "manuscript"]
    # every format with each layout family
    for fmt in formats:
        if fmt in ("sigconf", "acmsmall"):
            specs.append(dict(fmt=fmt, authors=1))
        specs.append(dict(fmt=fmt, authors=3, layout="shared"))
        specs.append(dict(fmt=fmt, authors=4, notes=True, multi=True, two_emails=True))
        specs.append(dict(fmt=fmt, authors=2, additional=True, email_first=True, positions=True, streets=True))
        specs.append(dict(fmt=fmt, authors=5, teaser=True, subtitle=SUBTITLES[0]))
    # options
    for fmt, opts in [("sigconf", ["nonacm"]), ("acmsmall", ["nonacm"]), ("sigconf", ["screen"]),
                      ("sigconf", ["review"]), ("acmsmall", ["review"]), ("sigconf", ["anonymous", "review"]),
                      ("acmsmall", ["anonymous"]), ("sigconf", ["authordraft"]), ("acmlarge", ["authordraft", "screen"]),
                      ("manuscript", ["nonacm", "screen"])]:
        specs.append(dict(fmt=fmt, options=opts, authors=3))
    # many authors, long titles, math, short titles
    specs.append(dict(fmt="sigconf", authors=12, layout="shared"))
    specs.append(dict(fmt="sigconf", authors=25, layout="shared", orcids=0.3))
    specs.append(dict(fmt="acmsmall", authors=25))
    specs.append(dict(fmt="sigconf", authors=7, short_title=True, title=TITLES[2]))
    specs.append(dict(fmt="acmlarge", authors=2, title=TITLES[3], short_title=True))
    specs.append(dict(fmt="sigplan", authors=6, title=TITLES[5]))
    specs.append(dict(fmt="sigconf", authors=4, title=TITLES[4], orcids=1.0))
    specs.append(dict(fmt="acmtog", authors=3, title=TITLES[7], subtitle=SUBTITLES[1]))
    # lualatex, with names in other scripts
    specs.append(dict(fmt="sigconf", authors=4, engine="lualatex", scripts=True))
    specs.append(dict(fmt="acmsmall", authors=3, engine="lualatex", scripts=True))
    # layouts of acmart's own sample papers: marked names sharing one journal
    # author line ("A∗ and B∗, Inst, Country"), translated titles, LuaTeX's
    # tall ORCID links on stacked names
    specs.append(dict(fmt="acmsmall", authors=5, layout="shared", notes=True, orcids=1.0))
    specs.append(dict(fmt="acmtog", authors=4, layout="shared", notes=True))
    specs.append(dict(fmt="manuscript", authors=3, layout="shared", notes=True, teaser=True))
    specs.append(dict(fmt="sigconf", authors=3, translated=True))
    specs.append(dict(fmt="sigconf", authors=4, engine="lualatex", layout="shared", notes=True, orcids=1.0))
    return specs


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make-meta-corpus.py OUTDIR")
    out = sys.argv[1]
    rng = random.Random(20251116)
    for k, spec in enumerate(corpus()):
        fmt = spec.pop("fmt")
        opts = spec.get("options", [])
        name = "%02d-%s%s" % (k + 1, fmt, "".join("-" + o for o in opts))
        spec.pop("options", None)
        paper = Paper(name, rng, fmt, opts, **spec)
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        write_if_changed(os.path.join(folder, "paper.tex"), paper.tex())
        write_if_changed(os.path.join(folder, "truth.json"),
                         json.dumps(paper.truth(), ensure_ascii=False, indent=1) + "\n")


def write_if_changed(path, text):
    # Unchanged files keep their time stamps, so the build does not typeset them again.
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
