#!/usr/bin/env bash
# make demo: the whole review round on samples/ — blank forms, a pre-submission check, the
# batch review with its summary workbook and opinions, and the bureau's documents.
set -uo pipefail
out=${1:-demo-out}
bin=.venv/bin
rm -rf "$out"
mkdir -p "$out"

echo "== 1. 空白表单（formkit forms）"
$bin/formkit forms --out "$out/空白表单" || exit 2

echo
echo "== 2. 提交前检查（formkit check samples/inbox）"
$bin/formkit check samples/inbox --programme samples/programme.yaml
status=$?
echo "（退出码 $status：0 无错误，1 表单有错误，2 有文件无法读取）"

if $bin/formkit batch --help >/dev/null 2>&1; then
  echo
  echo "== 3. 批量审核（formkit batch）"
  $bin/formkit batch samples/inbox --out "$out/审核" --programme samples/programme.yaml || exit 2
fi

echo
echo "== 4. 公文（formkit notice）"
pdf=""
command -v soffice >/dev/null 2>&1 && pdf="--pdf"
for kind in call publicity funding evaluation; do
  $bin/formkit notice "$kind" --data "samples/notices/$kind.yaml" --out "$out/公文/$kind.docx" $pdf \
    || exit 2
done

echo
echo "== 5. 资金分配、进展监测与绩效评价（formkit allocate / monitor / evaluate）"
$bin/formkit allocate --programme samples/programme.yaml --out "$out/资金分配" || exit 2
$bin/formkit notice funding --data "$out/资金分配/funding.yaml" --out "$out/资金分配/资金下达通知.docx" $pdf || exit 2
$bin/formkit monitor samples/progress --programme samples/programme.yaml --out "$out/进展监测" || exit 2
$bin/formkit evaluate samples/progress --programme samples/programme.yaml --out "$out/绩效评价" --date 2022-03-15 || exit 2
$bin/formkit notice evaluation --data "$out/绩效评价/evaluation.yaml" --out "$out/绩效评价/绩效评价结果通报.docx" $pdf || exit 2

echo
echo "输出已写入 $(cd "$out" && pwd)："
(cd "$out" && find . -type f ! -name '*.sqlite*' ! -name '.formkit.lock' | sort | sed 's|^\./|  |')
