#!/bin/sh
# Fills the seed corpora of the fuzz targets from the repository's own data.
# Run from the repository root: sh fuzz/seed.sh
set -eu
mkdir -p fuzz/corpus/dataset fuzz/corpus/vi_number fuzz/corpus/stream fuzz/corpus/csv
cp tests/fixtures/*.json fuzz/corpus/dataset/
cp tests/bad/*.json fuzz/corpus/dataset/
# Numbers as the seed article and the crate's docs write them.
i=0
for s in "1.229" "1347" "13.360" "hơn 6.800" "gần 22.000" "khoảng 500" "Hơn 4.400" \
         "8,9" "6.300.000,5" "2,5 triệu" "hơn 6,3 tỷ" "98,5%" "100%" "0,25 %" "8,90"; do
    i=$((i + 1))
    printf '%s' "$s" > "fuzz/corpus/vi_number/seed-$i"
done
# JSON Lines: a line of every record kind over the target's units (each file
# whole, and each of its lines alone), the wire tests' lines and the
# reproducers of the stream's input defects.
cp fuzz/seeds/*.jsonl tests/wire/*.jsonl fuzz/corpus/stream/
i=0
while IFS= read -r line; do
    i=$((i + 1))
    printf '%s\n' "$line" > "fuzz/corpus/stream/line-$i"
done < fuzz/seeds/stream-every-kind.jsonl
# CSV: the example sheet and the shapes the CSV tests read.
cp examples/data/*.csv fuzz/corpus/csv/
printf 'unit,period,actor,indicator,value\n30,,party_committees,conferences,291\n' > fuzz/corpus/csv/plain.csv
printf '\357\273\277mã đơn vị,kỳ,chủ thể,chỉ tiêu,giá trị,tên đơn vị\r\n288,2022-Q3,mobilization_sector,conference_participants,hơn 6.800,"Thành phố Hải Dương, tỉnh"\r\n,,,,\r\n10507,2022-01-15/2022-02-14,government,dialogues,1.229\r\n' > fuzz/corpus/csv/vietnamese.csv
printf 'value,indicator,actor,period,unit\n"khoảng 500",awarded_collectives,front_and_mass_organizations,2022,10507-T01\n' > fuzz/corpus/csv/reordered.csv
