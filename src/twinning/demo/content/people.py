"""Fictional contact people. Names are common ones; any likeness to a real person is chance."""

UK_FIRST = (
    "James", "Oliver", "Harry", "George", "Thomas", "Daniel", "Matthew", "Samuel", "Joseph",
    "Andrew", "Richard", "Mark", "Paul", "Imran", "Bilal", "Rajesh", "Amelia", "Olivia", "Emily",
    "Sophie", "Charlotte", "Hannah", "Rebecca", "Laura", "Rachel", "Sarah", "Helen", "Claire",
    "Aisha", "Priya", "Zara", "Katie",
)  # fmt: skip
UK_LAST = (
    "Hartley", "Sutcliffe", "Ackroyd", "Barraclough", "Holroyd", "Firth", "Greenwood", "Haigh",
    "Crowther", "Priestley", "Whiteley", "Lockwood", "Brook", "Booth", "Jagger", "Dyson",
    "Pickersgill", "Ramsden", "Thackeray", "Wainwright", "Normanton", "Hussain", "Khan", "Patel",
    "Ahmed", "Clarke", "Walker", "Robinson", "Wood", "Thompson", "Wright", "Kowalski",
)  # fmt: skip

# (Latin, Cyrillic, gender)
KZ_FIRST = (
    ("Yerlan", "Ерлан", "m"), ("Nurlan", "Нурлан", "m"), ("Daniyar", "Данияр", "m"),
    ("Askar", "Аскар", "m"), ("Marat", "Марат", "m"), ("Timur", "Тимур", "m"),
    ("Arman", "Арман", "m"), ("Bauyrzhan", "Бауыржан", "m"), ("Yerzhan", "Ержан", "m"),
    ("Sergey", "Сергей", "m"), ("Andrey", "Андрей", "m"), ("Dmitriy", "Дмитрий", "m"),
    ("Alexandr", "Александр", "m"), ("Ruslan", "Руслан", "m"), ("Kairat", "Кайрат", "m"),
    ("Aigerim", "Айгерим", "f"), ("Dinara", "Динара", "f"), ("Aliya", "Алия", "f"),
    ("Assel", "Асель", "f"), ("Gulnara", "Гульнара", "f"), ("Saule", "Сауле", "f"),
    ("Zhanar", "Жанар", "f"), ("Madina", "Мадина", "f"), ("Aizhan", "Айжан", "f"),
    ("Olga", "Ольга", "f"), ("Irina", "Ирина", "f"), ("Yelena", "Елена", "f"),
    ("Natalya", "Наталья", "f"), ("Kamila", "Камила", "f"), ("Tomiris", "Томирис", "f"),
)  # fmt: skip

# (Latin male, Cyrillic male, Latin female, Cyrillic female)
KZ_LAST = (
    ("Akhmetov", "Ахметов", "Akhmetova", "Ахметова"),
    ("Seitkaliyev", "Сейткалиев", "Seitkaliyeva", "Сейткалиева"),
    ("Nurpeisov", "Нурпеисов", "Nurpeisova", "Нурпеисова"),
    ("Abenov", "Абенов", "Abenova", "Абенова"),
    ("Zhaksylykov", "Жаксылыков", "Zhaksylykova", "Жаксылыкова"),
    ("Omarov", "Омаров", "Omarova", "Омарова"),
    ("Tulegenov", "Тулегенов", "Tulegenova", "Тулегенова"),
    ("Baimukhanov", "Баймуханов", "Baimukhanova", "Баймуханова"),
    ("Iskakov", "Искаков", "Iskakova", "Искакова"),
    ("Sarsenbayev", "Сарсенбаев", "Sarsenbayeva", "Сарсенбаева"),
    ("Kassymov", "Касымов", "Kassymova", "Касымова"),
    ("Yesenov", "Есенов", "Yesenova", "Есенова"),
    ("Dzhumabekov", "Джумабеков", "Dzhumabekova", "Джумабекова"),
    ("Kovalenko", "Коваленко", "Kovalenko", "Коваленко"),
    ("Petrov", "Петров", "Petrova", "Петрова"),
    ("Ivanov", "Иванов", "Ivanova", "Иванова"),
    ("Shevchenko", "Шевченко", "Shevchenko", "Шевченко"),
    ("Kim", "Ким", "Kim", "Ким"),
    ("Tsoi", "Цой", "Tsoi", "Цой"),
    ("Muratov", "Муратов", "Muratova", "Муратова"),
    ("Bekov", "Беков", "Bekova", "Бекова"),
    ("Smagulov", "Смагулов", "Smagulova", "Смагулова"),
)  # fmt: skip
