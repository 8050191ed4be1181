"""How Kazakh organisations that write in English describe themselves, for the kinds of business
found on both sides (the English `about` of those archetypes is written by a Yorkshire firm)."""

ABOUT_KZ_EN = {
    "meat-plant": "Full-cycle meat plant: cattle and sheep slaughtering, deboning, chilled beef, "
    "semi-finished products and sausages. HACCP-certified with a halal line; we supply retail "
    "chains in Kazakhstan and export to Uzbekistan and the Gulf.",
    "dairy": "Dairy processing up to 60 tonnes of milk a day: pasteurised milk, kefir, cheeses "
    "and traditional kumys and shubat.",
    "milling": "Flour mill and pasta factory using hard wheat from northern Kazakhstan; premium "
    "flour, pasta and bran for domestic and Central Asian markets.",
    "cold-chain": "Cold storage and refrigerated trucking: 8,000 pallet places from -25 to "
    "+5 °C and a fleet of 40 reefers on Kazakhstan — China — Europe routes.",
    "agritech": "Agri-tech start-up: satellite and drone crop monitoring, soil-moisture sensors "
    "and variable-rate maps for farms in northern Kazakhstan.",
    "engineering-consultancy": "Design institute: industrial and civil engineering, BIM, "
    "expert review and site supervision; first-category licence.",
    "software-house": "Software developer and Astana Hub resident: web and mobile apps, 1C and "
    "ERP integration, e-government services.",
    "cybersecurity": "Information-security audits, penetration tests and 24/7 SOC monitoring "
    "for banks and government agencies.",
    "fintech": "Fintech company in the AIFC FinTech Lab: payment gateway, remote customer "
    "identification and tenge–pound transfers.",
    "islamic-finance": "Islamic finance advisers in the AIFC: sukuk structuring, ijara leasing "
    "and trade finance.",
    "investment-fund": "Investment company making private-equity and venture investments in "
    "agribusiness, processing and technology; tickets of US$0.5–5 million.",
    "law-firm": "Law firm: corporate law, foreign investment, disputes before the AIFC Court and "
    "in international arbitration.",
    "accountancy": "Audit firm: IFRS audit, tax advice and outsourced accounting for "
    "subsidiaries of foreign groups.",
    "translation": "Translation agency: written and simultaneous translation between Kazakh, "
    "Russian and English, notarisation, interpreters for delegations.",
    "trade-consultancy": "Market-entry consultancy: partner search, market research, business "
    "missions and representation of British companies in Kazakhstan.",
    "freight": "Freight forwarder by road, rail and sea between Europe and Kazakhstan, "
    "including the Middle Corridor through Aktau; licensed customs broker.",
    "tour-operator": "Inbound tour operator: sightseeing and adventure tours across "
    "Kazakhstan — Charyn canyon, Kolsai lakes, Turkistan, Baikonur.",
    "hotel-group": "Hotel group: three hotels, 380 rooms, conference halls for 400 guests and a "
    "country resort in Burabay.",
    "production-company": "Full-cycle film company: features, series and documentaries for "
    "Kazakh TV channels and streaming platforms.",
    "language-school": "Language school: English for adults and children, IELTS preparation "
    "and study-abroad programmes.",
    "training-provider": "Training centre: vocational training for welders, electricians and "
    "food-plant operators, and occupational-safety courses.",
}
