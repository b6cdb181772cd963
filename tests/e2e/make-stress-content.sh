#!/usr/bin/env bash
# Writes the layout matrix's stress content: 12 sections holding 1 to 30 items, every title,
# subtitle and summary at the long end of what staff write, in the ten languages the text engine
# sets (long Russian, Mongolian and Vietnamese phrases, a German-length compound in English's
# place), so the layout rules meet what the sample never shows.
#   make-stress-content.sh SAMPLE_CONTENT DEST
set -euo pipefail
src=$1 dest=$2
rm -rf "$dest"
mkdir -p "$dest/sections"
cover="$src/sections/01-city-promotion/images/cover.jpg"
photo=$(ls "$src"/sections/03-culture-tourism/images/*.jpg | head -n 1)
tall="$(dirname "$0")/tall-picture.jpg" # 600x900: a portrait photo
langs='"zh-Hans", "zh-Hant", "ja", "ko", "en", "ru", "mn", "th", "vi", "ar"'
# One long phrase per language (a title), and a long sentence (a subtitle or summary).
text() { # text KIND N
  local n=${2:-}
  if [ "$1" = title ]; then cat <<T
zh-Hans = "中国（辽宁）自由贸易试验区沈阳片区国际投资服务中心 $n"
zh-Hant = "中國（遼寧）自由貿易試驗區瀋陽片區國際投資服務中心 $n"
ja = "中国（遼寧）自由貿易試験区瀋陽エリア投資サービスセンター $n"
ko = "중국(랴오닝) 자유무역시험구 선양 구역 투자 촉진 및 국제 협력 서비스 센터 $n"
en = "Außenwirtschaftsförderungsgesellschaft: Internationalization Consulting Services $n"
ru = "Пилотная зона свободной торговли: высокотехнологичные производственные кластеры $n"
mn = "Чөлөөт худалдааны туршилтын бүсийн хөрөнгө оруулалтыг дэмжих үйлчилгээний төв $n"
th = "ศูนย์บริการส่งเสริมการลงทุนและความร่วมมือระหว่างประเทศเขตการค้าเสรีนำร่อง $n"
vi = "Khu thương mại tự do thí điểm: trung tâm xúc tiến đầu tư và hợp tác quốc tế $n"
ar = "منطقة التجارة الحرة التجريبية: مركز خدمات تشجيع الاستثمار والتعاون الدولي $n"
T
  else cat <<T
zh-Hans = "为外国投资者提供一站式服务，包括企业注册、税务登记、海关备案、人才引进和知识产权保护等多项便利措施。"
zh-Hant = "為外國投資者提供一站式服務，包括企業註冊、稅務登記、海關備案、人才引進和知識產權保護等多項便利措施。"
ja = "外国投資家向けに、会社登記、税務登録、税関届出、人材招致、知的財産保護などのワンストップサービスを提供します。"
ko = "외국인 투자자를 위해 기업 등록, 세무 등록, 세관 신고, 인재 유치, 지식재산권 보호 등 원스톱 서비스를 제공합니다."
en = "One-stop services for foreign investors, including company registration, tax registration, customs filing, talent recruitment and intellectual property protection."
ru = "Комплексное обслуживание иностранных инвесторов: регистрация компаний, налоговый учёт, таможенное оформление, привлечение специалистов и защита интеллектуальной собственности."
mn = "Гадаадын хөрөнгө оруулагчдад компанийн бүртгэл, татварын бүртгэл, гаалийн мэдүүлэг, мэргэжилтэн татах, оюуны өмчийг хамгаалах зэрэг нэг цэгийн үйлчилгээ үзүүлнэ."
th = "บริการครบวงจรสำหรับนักลงทุนต่างชาติ รวมถึงการจดทะเบียนบริษัท การลงทะเบียนภาษี พิธีการศุลกากร การสรรหาบุคลากร และการคุ้มครองทรัพย์สินทางปัญญา"
vi = "Dịch vụ một cửa cho nhà đầu tư nước ngoài, bao gồm đăng ký doanh nghiệp, đăng ký thuế, khai báo hải quan, thu hút nhân tài và bảo hộ sở hữu trí tuệ."
ar = "خدمات متكاملة للمستثمرين الأجانب تشمل تسجيل الشركات والتسجيل الضريبي والتخليص الجمركي واستقطاب الكفاءات وحماية الملكية الفكرية."
T
  fi
}
{
  printf '[kiosk]\ndefault_language = "en"\nlanguages = [%s]\n\n[kiosk.name]\n' "$langs"
  cat <<'T'
zh-Hans = "中国（辽宁）自由贸易试验区沈阳片区"
en = "China (Liaoning) Pilot Free Trade Zone, Shenyang Area"
ru = "Международный инвестиционный центр Шэньяна"
mn = "Шэньяны олон улсын хөрөнгө оруулалтын төв"
vi = "Trung tâm Xúc tiến Đầu tư Quốc tế Thẩm Dương"
T
} >"$dest/kiosk.toml"
counts=(1 2 3 4 5 6 7 9 12 16 23 30)
for k in "${!counts[@]}"; do
  s=$(printf '%02d' $((k + 1)))
  dir="$dest/sections/$s-topic-$s"
  mkdir -p "$dir/images"
  cp "$cover" "$dir/images/cover.jpg"
  cp "$photo" "$dir/images/photo.jpg"
  { printf 'colour = "#1F4E8C"\ncover = "images/cover.jpg"\n\n[title]\n'; text title "$s"; printf '\n[subtitle]\n'; text sentence; } >"$dir/section.toml"
  for i in $(seq -w 1 "${counts[$k]}"); do
    {
      printf '[title]\n'; text title "$i"; printf '\n[summary]\n'; text sentence
      printf '\n[body]\n'; text sentence
      # Every third item has no picture: a text-only item and a card without a photo.
      # Topic 02's first item leads with a portrait photo.
      if [ "$s$i" = 021 ]; then cp "$tall" "$dir/images/tall.jpg"; printf '\n[[images]]\nfile = "images/tall.jpg"\n'; fi
      if [ $((10#$i % 3)) -ne 0 ]; then printf '\n[[images]]\nfile = "images/photo.jpg"\n[[images]]\nfile = "images/cover.jpg"\n'; fi
    } >"$dir/$i-item-$i.toml"
  done
done
