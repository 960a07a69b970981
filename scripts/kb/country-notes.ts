/**
 * Hand-written notes for the countries most in the news: one or two sentences of stable
 * background (no office-holders, no figures that date) and the English Wikipedia article
 * title used as the card's source link. Written in our own words.
 */
export interface CountryNote {
  wiki: string;
  text: string;
}

export const COUNTRY_NOTES: Readonly<Record<string, CountryNote>> = {
  US: { wiki: 'United_States', text: 'A federal republic of 50 states; one of the five permanent members of the UN Security Council and a founding member of NATO.' },
  GB: { wiki: 'United_Kingdom', text: 'Union of England, Scotland, Wales and Northern Ireland; a permanent member of the UN Security Council and a nuclear power. Left the European Union in 2020.' },
  RU: { wiki: 'Russia', text: 'The largest country by area, spanning Eastern Europe and northern Asia; successor state to the Soviet Union and a permanent member of the UN Security Council. Launched a full-scale invasion of Ukraine in February 2022.' },
  UA: { wiki: 'Ukraine', text: 'Independent since the breakup of the Soviet Union in 1991. Russia annexed Crimea in 2014 and began a full-scale invasion in February 2022.' },
  BY: { wiki: 'Belarus', text: 'Former Soviet republic bordering Russia, Ukraine, Poland, Lithuania and Latvia; a close military ally of Moscow in a "Union State" with Russia.' },
  CN: { wiki: 'China', text: "The People's Republic, founded in 1949 and governed by the Chinese Communist Party; a permanent member of the UN Security Council. Claims Taiwan as its territory." },
  TW: { wiki: 'Taiwan', text: 'Governed as the Republic of China since 1949, separately from the mainland; Beijing claims the island and has not ruled out force to take it.' },
  KP: { wiki: 'North_Korea', text: 'Formally the Democratic People\'s Republic of Korea, ruled by the Kim family since 1948. Has tested nuclear weapons since 2006 and is under UN sanctions over its weapons programmes.' },
  KR: { wiki: 'South_Korea', text: 'Formally the Republic of Korea; technically still at war with the North, as the 1950-53 Korean War ended in an armistice rather than a peace treaty. A US treaty ally.' },
  JP: { wiki: 'Japan', text: 'Island nation in the western Pacific and a US treaty ally; its post-war constitution renounces war as a sovereign right.' },
  IN: { wiki: 'India', text: 'The most populous country in the world and a nuclear power; a federal parliamentary republic since 1950.' },
  PK: { wiki: 'Pakistan', text: 'Created at the partition of British India in 1947; a nuclear power that disputes Kashmir with India.' },
  AF: { wiki: 'Afghanistan', text: 'Landlocked country in South and Central Asia; the Taliban returned to power in August 2021 as US-led forces withdrew.' },
  IR: { wiki: 'Iran', text: 'An Islamic republic since the 1979 revolution, with a Supreme Leader above the elected president. Its nuclear programme has been the subject of long disputes with the West.' },
  IQ: { wiki: 'Iraq', text: 'Federal parliamentary republic on the Tigris and Euphrates; Saddam Hussein\'s government fell after the US-led invasion of 2003. Its north includes the autonomous Kurdistan Region.' },
  SY: { wiki: 'Syria', text: 'Torn by civil war from 2011; the Assad government, in power since 1971, fell to a rebel offensive in December 2024.' },
  LB: { wiki: 'Lebanon', text: 'Small Mediterranean country with a power-sharing system among religious communities; the armed movement Hezbollah is a major force there.' },
  IL: { wiki: 'Israel', text: 'Declared independence in 1948; a parliamentary democracy. Has occupied the West Bank since 1967 and has fought repeated wars with Hamas in Gaza and with Hezbollah in Lebanon.' },
  PS: { wiki: 'State_of_Palestine', text: 'Recognized as a state by most UN members and an observer state at the UN; Israel has occupied the West Bank since 1967; Hamas took control of Gaza in 2007.' },
  JO: { wiki: 'Jordan', text: 'Hashemite kingdom bordering Israel, the West Bank, Syria, Iraq and Saudi Arabia.' },
  SA: { wiki: 'Saudi_Arabia', text: 'Absolute monarchy ruled by the Al Saud family; home to Islam\'s holiest sites in Mecca and Medina and one of the largest oil exporters.' },
  AE: { wiki: 'United_Arab_Emirates', text: 'Federation of seven emirates on the Persian Gulf, including Abu Dhabi and Dubai.' },
  QA: { wiki: 'Qatar', text: 'Gulf emirate with large natural-gas reserves; hosts a major US air base at Al Udeid and often mediates in regional conflicts.' },
  YE: { wiki: 'Yemen', text: 'Civil war broke out in 2014, when the Houthi movement seized Sanaa; the internationally recognized government moved to Aden.' },
  TR: { wiki: 'Turkey', text: 'Straddles Europe and Asia and controls the Bosporus and Dardanelles straits; a NATO member since 1952. Officially uses the name Türkiye.' },
  EG: { wiki: 'Egypt', text: 'The most populous Arab country; controls the Suez Canal and borders Gaza at Rafah.' },
  LY: { wiki: 'Libya', text: 'Split between rival governments in the west and east for much of the time since Muammar Gaddafi was overthrown in 2011.' },
  SD: { wiki: 'Sudan', text: 'War broke out in April 2023 between the army and the paramilitary Rapid Support Forces.' },
  ET: { wiki: 'Ethiopia', text: 'Landlocked and populous Horn of Africa state; seat of the African Union.' },
  NG: { wiki: 'Nigeria', text: "Africa's most populous country, a federal republic of 36 states." },
  ZA: { wiki: 'South_Africa', text: 'Ended apartheid with its first all-race elections in 1994; has three capitals for its three branches of government.' },
  FR: { wiki: 'France', text: 'Founding member of the European Union, permanent member of the UN Security Council and a nuclear power.' },
  DE: { wiki: 'Germany', text: 'Federal republic, reunified in 1990; the largest economy in the European Union.' },
  PL: { wiki: 'Poland', text: 'NATO member since 1999 and EU member since 2004; borders Ukraine, Belarus and Russia\'s Kaliningrad region.' },
  GE: { wiki: 'Georgia_(country)', text: 'Former Soviet republic in the South Caucasus; Russia backs the breakaway regions of Abkhazia and South Ossetia, recognized by Moscow after the 2008 war.' },
  VE: { wiki: 'Venezuela', text: 'Holds some of the largest proven oil reserves in the world; went through a deep political and economic crisis from the 2010s.' },
  CU: { wiki: 'Cuba', text: 'One-party communist state since the 1959 revolution; under a US trade embargo since the early 1960s.' },
  MX: { wiki: 'Mexico', text: 'Federal republic of 32 federal entities; the United States\' largest trading partner.' },
  CA: { wiki: 'Canada', text: 'Federation of ten provinces and three territories; a founding member of NATO.' },
  AZ: { wiki: 'Azerbaijan', text: 'Former Soviet republic on the Caspian Sea; retook Nagorno-Karabakh from ethnic Armenian forces in 2023.' },
  AM: { wiki: 'Armenia', text: 'Landlocked former Soviet republic in the South Caucasus.' },
  MD: { wiki: 'Moldova', text: 'Former Soviet republic between Romania and Ukraine; the breakaway region of Transnistria hosts Russian troops.' },
};

/** Capitals where a bare city name would mislead (split or disputed seats). */
export const CAPITAL_NOTES: Readonly<Record<string, string>> = {
  IL: 'Jerusalem (status disputed internationally; many embassies are in Tel Aviv)',
  PS: 'East Jerusalem (claimed); administrative centre Ramallah',
  BO: 'Sucre (constitutional); La Paz (seat of government)',
  ZA: 'Pretoria (executive), Cape Town (legislative), Bloemfontein (judicial)',
  NL: 'Amsterdam (seat of government: The Hague)',
  CI: 'Yamoussoukro (official); Abidjan (economic centre)',
  MY: 'Kuala Lumpur (administrative centre: Putrajaya)',
  TW: 'Taipei',
  US: 'Washington, D.C.',
};
