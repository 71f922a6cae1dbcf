"""Write places_other.jsonl from the records below (gold written before any extraction run).

Run once: python tests/data/places_other/build.py. The split is fixed here by the SHA-1 of the
URL (held when divisible by 3), the rule of tests/data/news/.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

AF = "afghanistan"
NG = "borno_yobe"
# (id, theatre, url, gold admin1 or None, text)
RECORDS = [
    ("po01", AF, "https://brecorder.com/news/amp/28197", None,
     "Fifteen killed in Khyber Agency\n\nArmed with assault rifles and hand grenades, the militants killed four "
     "ethnic Pashtun tribesmen and a paramilitary soldier in the late Saturday attack.\n\nMembers of a tribal "
     "militia and security forces retaliated, killing 10 militants, said a senior government official in the "
     "Khyber Agency, where the incident took place."),
    ("po02", AF, "https://menafn.com/1108140252/Security-Forces-Kill-3-Militants-In-N-Pakistan", "PK-KP",
     "ISLAMABAD, April 25 (KUNA) -- At least three militants were killed in a security operation in Pakistan's "
     "northern Khyber Pakhtunkhwa (KPK) province bordering Afghanistan, said the military on Thursday.\n\n"
     "According to Pakistan military's media wing Inter Services Public Relations (ISPR), security forces "
     "carried out an intelligence-based operation in KPK's Khyber district on the \"reported presence of "
     "terrorists.\""),
    ("po03", AF, "https://www.aa.com.tr/en/asia-pacific/5-security-personnel-3-civilians-killed-in-suspected-"
     "militant-attacks-in-pakistan/3651853?amp=1", "PK-KP",
     "5 security personnel, 3 civilians killed in suspected militant attacks in Pakistan\n\nSuspected militants "
     "carry out attacks in Peshawar, Karak, Lakki Marwat districts of northwestern Khyber Pakhtunkhwa province\n\n"
     "ISLAMABAD\n\nAt least eight people, including five security personnel and three civilians, were killed in "
     "multiple suspected militant attacks across Pakistan's northwestern Khyber Pakhtunkhwa province, officials "
     "confirmed on Wednesday.\n\nIn the Karak district, militants targeted a vehicle carrying paramilitary "
     "Frontier Corps personnel. Three soldiers and their driver were killed, Interior Minister Mohsin Naqvi said "
     "in a statement.\n\nSeparately, in the Peshawar district, attackers struck another vehicle late Tuesday "
     "night, killing three people, including police inspector Ali Hussain.\n\nIslamabad continues to accuse Kabul "
     "of failing to prevent militants from the outlawed Tehreek-e-Taliban Pakistan (TTP) from carrying out "
     "attacks in Pakistan and then seeking refuge in Afghanistan."),
    ("po04", AF, "https://www.newsdrum.in/international/two-militants-killed-in-attack-on-police-station-in-paks-"
     "khyber-pakhtunkhwa-10820619", "PK-KP",
     "Peshawar, Nov 28 (PTI) Two militants were killed while attempting to infiltrate a police station in an "
     "overnight attack in Pakistan's restive northwestern Khyber Pakhtunkhwa province, officials said.\n\n"
     "According to police officials, terrorists launched an attack from multiple directions on Ahmedzai police "
     "station in Bannu district late on Thursday.\n\nThe exchange of fire resulted in the killing of two "
     "militants, while five policemen sustained minor injuries."),
    ("po05", AF, "https://indianexpress.com/article/pakistan/five-killed-in-terrorist-attacks-in-paks-khyber-"
     "pakhtunkhwa-10096259", "PK-KP",
     "At least five people, including two security personnel and three members of a local peace committee, were "
     "killed in two separate incidents of terrorism in northwest Pakistan, police said on Sunday.\n\nBoth "
     "terrorist activities occurred in the restive Lakki Marwat district of Khyber Pakhtunkhwa province.\n\nIn "
     "the first incident, a roadside bomb targeted a patrolling vehicle early on Sunday morning killing two "
     "soldiers and injuring three others, according to police.\n\nUnidentified gunmen shot dead three members "
     "of the peace militia in another incident in the Shahab Khel area, local police added."),
    ("po06", AF, "https://www.thehindu.com/news/international/militants-attack-check-post-in-pakistans-khyber-"
     "pakhtunkhwa-3-killed/article67772079.ece", "PK-KP",
     "Unidentified militants attacked a security check post in Pakistan's restive Khyber Pakhtunkhwa province, "
     "killing at least three persons and injuring two, police said.\n\nThe attack took place on January 23. The "
     "militants attacked the Aba Shaheed check post in the Dikhan district bordering South Waziristan.\n\nTwo "
     "labourers and one security personnel were killed in the attack, Police said."),
    ("po07", AF, "https://shiawaves.com/english/?p=139162", "PK-KP",
     "Pakistani authorities said a suspected terrorist attack in the northwestern province of Khyber Pakhtunkhwa "
     "has killed at least four members of a local peace committee.\nAccording to Turkey's Anadolu Agency, the "
     "incident occurred on Tuesday, January 13, in the Bannu district, when unidentified gunmen opened fire on a "
     "vehicle in the Gulbaddin Landi Dakk area.\nA police official at the Bannu control center told Anadolu that "
     "all four occupants of the vehicle were killed in the attack."),
    ("po08", AF, "https://photonews.com.pk/38-killed-in-violent-attack-on-passenger-vehicles-in-kurram", "PK-KP",
     "In a violent attack in the Ochat area of Kurram district, assailants opened fire on passenger vehicles "
     "travelling in a convoy from Parachinar to Peshawar, tragically killing at least 38 individuals, including "
     "a woman and a child.\nThe district has suffered from inter-tribal clashes for several months, resulting in "
     "numerous deaths and frequent road closures, including the border with Afghanistan."),
    ("po09", AF, "https://tribune.com.pk/story/2522870/kurram-convoy-attack-death-toll-rises-to-eight?amp=1",
     "PK-KP",
     "Kurram convoy attack death toll rises to eight\nWith the recovery of the bodies of four missing drivers on "
     "Friday, the death toll from the attack on an aid caravan in the Bagan area of the Kurram district rose to "
     "eight, including two security personnel, the Kurram district administration said.\nIt said that more than "
     "100 assailants attacked the convoy, carrying relief supplies to Parachinar via Bagan in Thursday "
     "afternoon."),
    ("po10", AF, "https://southasiatimes.org/?p=16976", "PK-KP",
     "Gunmen Kill 38 in Attack on Convoys in Kurram Tribal District\n\nAt least 38 people were killed and 29 were "
     "injured after gunmen opened fire on passenger vehicles in a tribal district (Kurram) in northwestern "
     "Pakistan on Thursday, the chief secretary of the Khyber Pakhtunkhwa province, Nadeem Aslam Chaudhry, "
     "said.\n\nThe attack took place in the Kurram tribal district."),
    ("po11", AF, "https://www.thenews.com.pk/print/836166-nine-die-in-burkina-faso-attack", None,
     "OUAGADOUGOU: At least nine people were killed in a weekend attack in Burkina Faso blamed on jihadists in "
     "the country's restive north, local and security sources said on Monday. A traditional chief and three "
     "civilian defence volunteers were among those killed in the attack on Sunday in a village near the town of "
     "Pissila, a local official told AFP."),
    ("po12", AF, "https://punchng.com/burkina-faso-at-least-10-killed-in-jihadist-attack/", "BF-SOM",
     "Burkina Faso: At least 10 killed in Jihadist attack\n\nA major jihadist attack on a village in northern "
     "Burkina Faso has left at least 10 men dead, security and local sources told AFP on Tuesday.\n\nAs many as "
     "30 people may have died in the attack on Silgadji in Soum province, a security source said."),
    ("po13", AF, "https://mb.com.ph/2019/07/27/14-killed-in-jihadist-attack-in-burkina-faso-sources/", None,
     "14 killed in jihadist attack in Burkina Faso: sources\n\nArmed men described as jihadists raided a village "
     "in Burkina Faso's restive north, killing 14 people, plundering and burning shops and motorbikes, local and "
     "security sources said Saturday.\n\nThe raid took place on the night of Thursday to Friday with \"around 20 "
     "individuals attacking the village of Diblou and killing 14 people,\" a security source said."),
    ("po14", AF, "http://en.hausatv.com/news/content/32968", "SO-BY",
     "Al Shabab terrorists kill five in Somalia attack\n\nAt least five people including civilians were killed "
     "and more than six others wounded when terrorists attacked a busy restaurant in southern Somalia on Sunday.\n"
     "Local security officials say a bomb blast took place in the vicinity of Awdhegle, 30 kilometers (18 miles) "
     "from the city of Baidoa, the provincial capital of the Bay region, in the South West state."),
    ("po15", AF, "https://www.hurriyetdailynews.com/al-shabaab-kills-15-in-somalia-13382", "SO-BN",
     "Al-Shabaab kills 15 in Somalia\n\nAt least 15 people were killed by a suicide bomber from the al-Qaeda "
     "linked al-Shabaab, officials said yesterday, as details emerged of the heavy blast in Somalia's war-torn "
     "capital Mogadishu."),
    ("po16", AF, "https://www.cbsnews.com/news/several-civilians-killed-in-revenge-suicide-bombing-in-somalia/",
     "SO-SH",
     "MOGADISHU, Somalia - At least 12 civilians were killed Monday in a suicide bombing that targeted African "
     "Union troops in Somalia's Lower Shabelle region, an official said Monday.\n\nAbdiqadir Mohamed Nor, the "
     "governor of Lower Shabelle, told The Associated Press that the attack happened near the Elasha Biyaha "
     "settlement.\n\nSomali police official Hassan Ali said a suicide bomber detonated his explosives-laden car "
     "next to a convoy of African Union forces moving near two minibuses."),
    ("po17", AF, "https://www.justearthnews.com/people-details/HC/6090/iraq-isis-attack-diyala-province-12-dead.html",
     "IQ-DI",
     "Diyala: At least 12 people died as Islamic State Terrorists attacked Iraq's eastern Diyala province on "
     "Tuesday, media reports said.\n\nMedical sources told Anadolu Agency that 15 others were injured in the "
     "incident.\n\nLt. Shaalan al-Kameli told the agency that the terrorists opened fire on residents of the "
     "village, adding that they escaped after the arrival of an Iraqi military force."),
    ("po18", AF, "https://rudaw.net/english/middleeast/iraq/281020212-amp", "IQ-DI",
     "ERBIL, Kurdistan Region - Iraq's interior ministry on Thursday opened a \"comprehensive\" investigation into "
     "the killing of over a dozen people in an Islamic State (ISIS) attack northeast of Baghdad, a day after the "
     "group claimed responsibility for the bloody incident.\n\nThe incident in Diyala's Miqdadiyah on Tuesday "
     "night saw the killing of 15 people and injuring of 17 others, according to the governorate's health "
     "department. ISIS has claimed responsibility for the attack."),
    ("po19", AF, "https://dm-news.com/isis-attack-in-kirkuk-1-dead-5-injured/", "IQ-KI",
     "ISIS attack in Kirkuk: 1 dead, 5 injured\n\nKirkuk Police Department Press Spokesperson Amir Nuri reported "
     "that a mortar attack was carried out at an Iraqi military observation point near the town of Dakuk in the "
     "south of the city.\n\nStating that the attack was carried out by members of the terrorist organization "
     "DAESH, Nuri stated that 1 soldier was killed and 5 soldiers were injured in the attack."),
    ("po20", NG, "http://hotnaijajist.blogspot.com/2015/09/9-killed-in-suspected-boko-haram-attack.html", "NG-BO",
     "Gunmen thought to be Boko Haram fighters on Sunday killed at least nine people in northeast Nigeria, in a "
     "trademark raid that also left 10 people injured, police said.\n\n\"Today (Sunday) at about 2:00 am "
     "(0100 GMT), suspected Boko Haram terrorists attacked Mailari village, (in) Konduga LGA (local government "
     "area),\" said Borno state police spokesman Aderemi Opadukun.\n\n\"Nine persons were reported killed while "
     "10 were injured.\""),
    ("po21", NG, "https://thehimalayantimes.com/world/boko-haram-attack-in-northern-nigeria-kills-many", "NG-BO",
     "Boko Haram attack in northern Nigeria kills many\nMAIDUGURI: Suspected members of Boko Haram killed "
     "\"dozens\" of people late on Wednesday in a town in the northeast Nigerian state of Borno, not far from "
     "Lake Chad, a military source said on Thursday.\nA former local official in the town of Kuawa said many had "
     "been killed after the suspected Islamist militants attacked in the early evening."),
    ("po22", NG, "https://thenigeriatoday.net/fresh-battle-28-boko-haram-killed-in-borno/", "NG-BO",
     "Fresh battle: 28 Boko Haram killed in Borno\nNo fewer than 28 Boko Haram fighters were killed in a fresh "
     "clash with the Nigerian troops in Borno State. Sources said a group of daring Boko Haram fighters had "
     "attempted to recapture Damboa Sunday evening."),
]


def split(url: str) -> str:
    return "held" if int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


def main() -> None:
    out = Path(__file__).with_name("places_other.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for id_, theatre, url, admin1, text in RECORDS:
            f.write(json.dumps({"id": id_, "split": split(url), "theatre": theatre, "url": url,
                                "gold": {"admin1": admin1}, "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
