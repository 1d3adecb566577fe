#!/usr/bin/env python3
# Usage: cargo +nightly rustdoc --lib --all-features -- -Z unstable-options --output-format json
#        python3 .ci/public_surface.py target/doc/danvan.json [-v paths and enums] [-m methods] [-i items]
# Count the public surface of danvan from rustdoc JSON.
# items: distinct public items (struct, enum, fn, const, trait, type alias, module, macro)
#        reachable by a public path from the crate root (following `pub use`);
# methods: public functions of inherent impls of those structs/enums.
import json, sys, collections
d = json.load(open(sys.argv[1]))
idx = d['index']
root = d['root']
paths = collections.defaultdict(set)   # item id -> set of public paths
def kind(i): return list(idx[str(i)]['inner'].keys())[0] if str(i) in idx else None
def walk(mod_id, prefix, seen):
    m = idx[str(mod_id)]
    for child in m['inner']['module']['items']:
        c = idx.get(str(child))
        if c is None or c['visibility'] != 'public': continue
        k = kind(child)
        if k == 'use':
            u = c['inner']['use']
            tgt = u['id']
            if tgt is None or str(tgt) not in idx: continue
            if u['is_glob']:
                if kind(tgt) == 'module' and tgt not in seen:
                    walk(tgt, prefix, seen | {tgt})
                elif kind(tgt) == 'enum':
                    pass
                continue
            name = u['name']
            paths[tgt].add(prefix + '::' + name)
            if kind(tgt) == 'module' and tgt not in seen:
                walk(tgt, prefix + '::' + name, seen | {tgt})
        else:
            name = c['name']
            paths[child].add(prefix + '::' + name)
            if k == 'module' and child not in seen:
                walk(child, prefix + '::' + name, seen | {child})
walk(root, 'danvan', {root})
items = {i: p for i, p in paths.items() if kind(i) in ('struct','enum','function','constant','trait','type_alias','module','macro','static','union')}
methods = []
for i in items:
    k = kind(i)
    if k not in ('struct','enum'): continue
    for impl in idx[str(i)]['inner'][k]['impls']:
        im = idx[str(impl)]['inner']['impl']
        if im['trait'] is not None or im.get('is_synthetic') or im.get('blanket_impl'): continue
        for f in im['items']:
            fi = idx[str(f)]
            if kind(f) == 'function' and fi['visibility'] == 'public':
                methods.append((sorted(items[i])[0], fi['name']))
enums = [i for i in items if kind(i) == 'enum']
ne = [i for i in enums if any('non_exhaustive' in str(a) for a in idx[str(i)]['attrs'])]
print('public items:', len(items), ' (by kind:', dict(collections.Counter(kind(i) for i in items)), ')')
print('methods:', len(methods))
print('public enums:', len(enums), ' non_exhaustive:', len(ne))
dups = {i: p for i, p in items.items() if len(p) > 1}
print('items with more than one path:', len(dups))
if '-v' in sys.argv:
    for i, p in sorted(dups.items(), key=lambda x: sorted(x[1])): print('  ', sorted(p))
    for i in sorted(enums, key=lambda i: sorted(items[i])[0]): print('  enum', sorted(items[i])[0], 'non_exhaustive' if i in ne else '')
if '-m' in sys.argv:
    for m in sorted(methods): print('  ', '::'.join(m))
if '-i' in sys.argv:
    for i in sorted(items, key=lambda i: sorted(items[i])[0]): print('  ', kind(i), sorted(items[i]))
