#!/bin/sh
# Fills the seed corpora of the fuzz targets from the repository's own data.
# Run from the repository root: sh fuzz/seed.sh
set -eu
mkdir -p fuzz/corpus/dataset fuzz/corpus/vi_number
cp tests/fixtures/*.json fuzz/corpus/dataset/
cp tests/bad/*.json fuzz/corpus/dataset/
# Numbers as the seed article and the crate's docs write them.
i=0
for s in "1.229" "1347" "13.360" "hơn 6.800" "gần 22.000" "khoảng 500" "Hơn 4.400" \
         "8,9" "6.300.000,5" "2,5 triệu" "hơn 6,3 tỷ" "98,5%" "100%" "0,25 %" "8,90"; do
    i=$((i + 1))
    printf '%s' "$s" > "fuzz/corpus/vi_number/seed-$i"
done
