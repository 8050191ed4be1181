"""Where demo organisations are: how many per region, the place words their names start with,
the city they name in descriptions, and fictional telephone numbers.

UK numbers use Ofcom's ranges reserved for drama (0113/0114 496 0xxx, 01632 960xxx, 07700 900xxx),
so no real line is ever printed. Kazakh numbers use an all-zero block for the same reason.
"""

from twinning.demo.content.blocks import T

# region slug -> (weight, place words for names, city for descriptions, phone prefix)
UK_REGIONS: dict[str, tuple[int, tuple[str, ...], T, str]] = {
    "leeds": (
        14,
        ("Aire Valley", "Kirkstall", "Headingley", "Roundhay", "Holbeck", "Calls Landing",
         "Briggate", "Temple Works", "Chapel Allerton", "Meanwood", "Otley Road", "Armley"),
        T("Leeds", "Лидс", "Лидс"),
        "+44 113 496 0",
    ),
    "sheffield": (
        8,
        ("Don Valley", "Hallam", "Sheaf", "Kelham Island", "Loxley", "Attercliffe", "Steel City",
         "Peak Gate"),
        T("Sheffield", "Шеффилд", "Шеффилд"),
        "+44 114 496 0",
    ),
    "bradford": (
        6,
        ("Saltaire", "Brontë", "Little Germany", "Manningham", "Bingley", "Keighley"),
        T("Bradford", "Брадфорд", "Брэдфорд"),
        "+44 1632 960",
    ),
    "york": (4, ("Minster", "Ouse Bridge", "Micklegate", "Walmgate", "Clifford"),
             T("York", "Йорк", "Йорк"), "+44 1632 960"),
    "hull": (4, ("Humber", "Old Town", "Marina", "Spurn", "Holderness Road"),
             T("Hull", "Халл", "Халл"), "+44 1632 960"),
    "north-yorkshire": (4, ("Dales", "Wensleydale", "Nidderdale", "Swaledale", "Moorland",
                            "Harrogate", "Ripon", "Whitby"),
                        T("Harrogate", "Харрогит", "Харрогейт"), "+44 1632 960"),
    "kirklees": (3, ("Holme Valley", "Colne Valley", "Huddersfield", "Castle Hill"),
                 T("Huddersfield", "Хаддерсфилд", "Хаддерсфилд"), "+44 1632 960"),
    "calderdale": (2, ("Calder", "Piece Hall", "Hebden", "Shibden"),
                   T("Halifax", "Галифакс", "Галифакс"), "+44 1632 960"),
    "wakefield": (2, ("Wakefield", "Hepworth", "Pontefract", "Castleford"),
                  T("Wakefield", "Уэйкфилд", "Уэйкфилд"), "+44 1632 960"),
    "doncaster": (2, ("Doncaster", "Danum", "Thorne"), T("Doncaster", "Донкастер", "Донкастер"),
                  "+44 1632 960"),
    "rotherham": (2, ("Rother", "Templeborough", "Wentworth"),
                  T("Rotherham", "Ротерем", "Ротерем"), "+44 1632 960"),
    "barnsley": (1, ("Barnsley", "Penistone", "Dearne"), T("Barnsley", "Барнсли", "Барнсли"),
                 "+44 1632 960"),
    "east-riding": (2, ("Wolds", "Beverley", "Bridlington", "Driffield"),
                    T("Beverley", "Беверли", "Беверли"), "+44 7700 900"),
    "north-lincolnshire": (1, ("Scunthorpe", "Brigg", "Trent"),
                           T("Scunthorpe", "Сканторп", "Сканторп"), "+44 7700 900"),
    "north-east-lincolnshire": (1, ("Grimsby", "Cleethorpes", "Immingham"),
                                T("Grimsby", "Гримсби", "Гримсби"), "+44 7700 900"),
}  # fmt: skip

# region slug -> (weight, place words as T, city as T, phone prefix)
KZ_REGIONS: dict[str, tuple[int, tuple[T, ...], T, str]] = {
    "almaty-city": (
        12,
        (T("Alatau", "Алатау", "Алатау"), T("Medeu", "Медеу", "Медеу"),
         T("Koktobe", "Коктобе", "Көктөбе"), T("Zhetysu", "Жетысу", "Жетісу"),
         T("Tien Shan", "Тянь-Шань", "Тянь-Шань"), T("Almaly", "Алмалы", "Алмалы"),
         T("Silk Way", "Шёлковый путь", "Жібек жолы")),
        T("Almaty", "Алматы", "Алматы"),
        "+7 727 000 ",
    ),
    "astana": (
        10,
        (T("Yesil", "Есиль", "Есіл"), T("Saryarka", "Сарыарка", "Сарыарқа"),
         T("Baiterek", "Байтерек", "Бәйтерек"), T("Nura", "Нура", "Нұра"),
         T("Ak Orda", "Ак Орда", "Ақорда"), T("Keruen", "Керуен", "Керуен")),
        T("Astana", "Астана", "Астана"),
        "+7 7172 00 ",
    ),
    "kostanay": (
        8,
        (T("Tobol", "Тобол", "Тобыл"), T("Kostanay", "Костанай", "Қостанай"),
         T("Rudny", "Рудный", "Рудный"), T("Arkalyk", "Аркалык", "Арқалық"),
         T("Turgay", "Тургай", "Торғай"), T("Lisakovsk", "Лисаковск", "Лисаков")),
        T("Kostanay", "Костанай", "Қостанай"),
        "+7 7142 00 ",
    ),
    "karaganda": (
        6,
        (T("Karaganda", "Караганда", "Қарағанды"), T("Temirtau", "Темиртау", "Теміртау"),
         T("Nurken", "Нуркен", "Нүркен"), T("Balkhash", "Балхаш", "Балқаш")),
        T("Karaganda", "Караганда", "Қарағанды"),
        "+7 7212 00 ",
    ),
    "pavlodar": (5, (T("Irtysh", "Иртыш", "Ертіс"), T("Pavlodar", "Павлодар", "Павлодар"),
                     T("Ekibastuz", "Экибастуз", "Екібастұз"),
                     T("Bayanaul", "Баянаул", "Баянауыл")),
                 T("Pavlodar", "Павлодар", "Павлодар"), "+7 7182 00 "),
    "shymkent": (5, (T("Shymkent", "Шымкент", "Шымкент"), T("Ordabasy", "Ордабасы", "Ордабасы"),
                     T("Sairam", "Сайрам", "Сайрам")),
                 T("Shymkent", "Шымкент", "Шымкент"), "+7 7252 00 "),
    "atyrau": (4, (T("Atyrau", "Атырау", "Атырау"), T("Zhaiyk", "Жайык", "Жайық"),
                   T("Caspian", "Каспий", "Каспий")),
               T("Atyrau", "Атырау", "Атырау"), "+7 7122 00 "),
    "mangystau": (2, (T("Aktau", "Актау", "Ақтау"), T("Mangystau", "Мангистау", "Маңғыстау")),
                  T("Aktau", "Актау", "Ақтау"), "+7 7292 00 "),
    "aktobe": (3, (T("Aktobe", "Актобе", "Ақтөбе"), T("Ilek", "Илек", "Елек")),
               T("Aktobe", "Актобе", "Ақтөбе"), "+7 7132 00 "),
    "north-kazakhstan": (3, (T("Esil Dala", "Есиль Дала", "Есіл Дала"),
                             T("Petropavl", "Петропавл", "Петропавл"),
                             T("Kyzylzhar", "Кызылжар", "Қызылжар")),
                         T("Petropavl", "Петропавловск", "Петропавл"), "+7 7152 00 "),
    "akmola": (3, (T("Kokshe", "Кокше", "Көкше"), T("Burabay", "Бурабай", "Бурабай"),
                   T("Stepnogorsk", "Степногорск", "Степногор")),
               T("Kokshetau", "Кокшетау", "Көкшетау"), "+7 7162 00 "),
    "east-kazakhstan": (3, (T("Altai", "Алтай", "Алтай"), T("Ertis Bank", "Ертис", "Ертіс"),
                            T("Oskemen", "Усть-Каменогорск", "Өскемен")),
                        T("Oskemen", "Усть-Каменогорск", "Өскемен"), "+7 7232 00 "),
    "abai": (2, (T("Semey", "Семей", "Семей"), T("Abai", "Абай", "Абай")),
             T("Semey", "Семей", "Семей"), "+7 7222 00 "),
    "west-kazakhstan": (2, (T("Oral", "Уральск", "Орал"),
                            T("Zhaiyk Dala", "Жайык Дала", "Жайық Дала")),
                        T("Oral", "Уральск", "Орал"), "+7 7112 00 "),
    "jambyl": (2, (T("Taraz", "Тараз", "Тараз"), T("Aulie-Ata", "Аулие-Ата", "Әулиеата")),
               T("Taraz", "Тараз", "Тараз"), "+7 7262 00 "),
    "kyzylorda": (2, (T("Syr", "Сыр", "Сыр"), T("Baikonur Road", "Байконыр", "Байқоңыр")),
                  T("Kyzylorda", "Кызылорда", "Қызылорда"), "+7 7242 00 "),
    "turkistan": (2, (T("Turkistan", "Туркестан", "Түркістан"), T("Otyrar", "Отырар", "Отырар")),
                  T("Turkistan", "Туркестан", "Түркістан"), "+7 72533 0 "),
    "almaty-region": (2, (T("Konaev", "Конаев", "Қонаев"), T("Ile", "Или", "Іле")),
                      T("Konaev", "Конаев", "Қонаев"), "+7 72772 0 "),
    "jetisu": (1, (T("Taldykorgan", "Талдыкорган", "Талдықорған"), T("Koksu", "Коксу", "Көксу")),
               T("Taldykorgan", "Талдыкорган", "Талдықорған"), "+7 7282 00 "),
    "ulytau": (1, (T("Ulytau", "Улытау", "Ұлытау"), T("Zhezkazgan", "Жезказган", "Жезқазған")),
               T("Zhezkazgan", "Жезказган", "Жезқазған"), "+7 7102 00 "),
}  # fmt: skip


def city(region: str) -> T:
    entry = UK_REGIONS.get(region) or KZ_REGIONS[region]
    return entry[2]


def phone_prefix(region: str) -> str:
    entry = UK_REGIONS.get(region) or KZ_REGIONS[region]
    return entry[3]
