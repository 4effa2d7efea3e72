#!/usr/bin/env python3
"""Bytes of code per Go package in a wasm built without -s (name section kept).

usage: wasm-sizes.py file.wasm [other.wasm]   (with two files: the difference)
"""
import sys, collections

def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7f) << s; s += 7
        if x < 0x80:
            return r, i

def sizes(path):
    b = open(path, 'rb').read()
    i = 8; nimports = 0; bodies = []; names = {}
    while i < len(b):
        sid = b[i]; i += 1
        n, i = leb(b, i); end = i + n
        if sid == 2:  # imports: count functions
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j = leb(b, j); j += l
                l, j = leb(b, j); j += l
                kind = b[j]; j += 1
                if kind == 0: _, j = leb(b, j); nimports += 1
                elif kind == 1: j += 1; fl, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if fl & 1 else j
                elif kind == 2: fl, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if fl & 1 else j
                elif kind == 3: j += 2
        elif sid == 10:
            cnt, j = leb(b, i)
            for _ in range(cnt):
                l, j = leb(b, j); bodies.append(l); j += l
        elif sid == 0:
            l, j = leb(b, i); name = b[j:j+l].decode(); j += l
            if name == 'name':
                while j < end:
                    sub = b[j]; j += 1
                    sl, j = leb(b, j); se = j + sl
                    if sub == 1:
                        cnt, k = leb(b, j)
                        for _ in range(cnt):
                            idx, k = leb(b, k); l, k = leb(b, k)
                            names[idx] = b[k:k+l].decode('utf-8', 'replace'); k += l
                    j = se
        i = end
    per = collections.Counter()
    for k, size in enumerate(bodies):
        nm = names.get(k + nimports, '?')
        pkg = nm.split('(')[0]
        # package path: up to the last '/' then up to the first '.'
        head, _, tail = pkg.rpartition('/')
        pkg = (head + '/' if head else '') + tail.split('.')[0]
        per[pkg] += size
    return per, len(b)

a, la = sizes(sys.argv[1])
if len(sys.argv) > 2:
    b, lb = sizes(sys.argv[2])
    print(f"total file {la} vs {lb}: {la-lb:+d}")
    diff = {k: a.get(k, 0) - b.get(k, 0) for k in set(a) | set(b)}
    for k, v in sorted(diff.items(), key=lambda x: -abs(x[1]))[:30]:
        if v: print(f"{v:+9d} {k}")
else:
    for k, v in a.most_common(40):
        print(f"{v:9d} {k}")
