"""The tracker on the written blind set: texts the project wrote and labelled without the tracker.

Issue 9 asks for a judged sample drawn after the last change. The shared unlabelled headlines are
used up (bench/judged/records.py), so this set was written for the project: helpers who had not read
the tracker's code, data or tests wrote Korean and English headlines and short articles in newsroom
style and labelled, as an analyst would, which S&P 500 companies each text moves (`expected`, with
strength "must" or "ok") and which it names without moving (`none`). Its texts are the project's
own (bench/judged/written/*.jsonl), so this script runs without ../shared.

A pick is scored against the labels:
  right   the ticker and direction are expected ("must" or "ok");
  wrong   the ticker is labelled `none`, or expected the other way;
  other   not labelled either way: read, and the verdict kept in written/verdicts.jsonl
          (right / weak / wrong with a reason); "unjudged" until then.
Recall is the share of "must" picks made. Items with nothing expected measure false alarms.

The baseline beside is the tracker before issue 9's work (git revision 5dee6cd, "main-2026-11"),
run in a subprocess on the same texts:

    python bench/written_eval.py                    # figures, current vs baseline
    python bench/written_eval.py --list             # every pick with its verdict, for reading
    python bench/written_eval.py --baseline-ref HEAD~3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
WRITTEN = Path(__file__).resolve().parent / "judged" / "written"
BASELINE_REF = "5dee6cd"
VERDICT_LABELS = ("right", "weak", "wrong")
# What each batch has been used for: a batch read to find faults is tuned on and no longer measures
# the tracker fresh. First-read figures of each batch are kept in bench/judged/README.md.
BATCH_NOTES = {
    "wa": "company events and roles; first read with the tracker of 9d58174 (aggregate figures only), not tuned on",
    "wb": "macro, themes, wraps; read with the tracker of 9d58174, then tuned on (session 3)",
    "wc": "mixed desk day; first read with the tracker of bfe9d41 (every pick judged), then tuned on",
    "wd": "mixed desk day by another writer; first read with the tracker of 7aa2fd9 (every pick judged), then tuned on",
    "we": "40 full articles; first read with the tracker of e4cd110 (every pick judged), then tuned on",
    "wf": "a desk's week, with traps; first read with the tracker of 38b03b4 (every pick judged), then tuned on",
    "wg": "mixed, final check; first read with the tracker of 3682179 (every pick judged)",
    "wh": "40 full articles, final check; first read with the tracker of 3682179 (every pick judged)",
    "wi": "120 headlines, last check; first read with the tracker of 42238d9 (every pick judged)",
    "wj": "mixed, after the I fixes; first read with the tracker of 7a36d28 (every pick judged), then tuned on",
    "wk": "a portal's overseas-stocks stream; first read with the tracker of d09aded (every pick judged), then tuned on",
    "wl": "120 headlines; first read with the tracker of 83fd3e7 (every pick judged), then tuned on",
    "wm": "90 items drawn after the last change; read with the tracker of 8d568d0 (every pick judged), not tuned on",
    "wn": "110 items, an overseas-stocks stream; first read with the tracker of b6f8418 (every pick judged), then tuned on",
    "wo": "110 items, an economic daily's markets desk; first read with the tracker of 73cd5c5 (every pick judged), then tuned on",
    "wp": "100 items, a New York correspondent and a tech desk (40 articles); first read with the tracker of 18f94ba (every pick judged), then tuned on",
    "wq": "110 headlines, a morning briefing desk and a wire feed; first read with the tracker of ee0f433 (every pick judged), then tuned on",
    "wr": "110 items, a securities section in a volatile month; drawn after 9fe8351 and read once with it (every pick judged)",
    "ws": "95 items (35 articles), a business TV desk and a wire's Korean service; drawn after 9fe8351 and read once with it (every pick judged)",
    "wt": "110 headlines, a retail investor's app feed; drawn after 9fe8351 and read once with it (every pick judged)",
    "wu": "120 headlines, a wire's global desk, writer asked to be strict on materiality; drawn after 5240697 and read once with it (every pick judged)",
    "wv": "100 items (30 articles), an international section and a US stock column; drawn after 5240697 and read once with it (every pick judged)",
    "ww": "110 headlines, a portal's finance tab; drawn after 5240697 and read once with it (every pick judged)",
    "wx": "110 headlines, a securities daily's overseas page; drawn after 8522425 and read once with it (every pick judged)",
    "wy": "100 items (30 articles), an online paper's global and industry sections; drawn after 8522425 and read once with it (every pick judged)",
    "wz": "110 headlines, six weeks of what moved US stocks; drawn after 8522425 and read once with it (every pick judged)",
    "xa": "110 headlines, a global-markets section; drawn after 3e6318a and read once with it (every pick judged)",
    "xb": "100 items (35 articles), a news agency's world economy desk; drawn after 3e6318a and read once with it (every pick judged)",
    "xc": "110 headlines, a brokerage app's notifications; drawn after 3e6318a and read once with it (every pick judged)",
    "ya": "110 headlines, a financial daily's overseas desk; drawn after 53be0c5 (the final tracker) and read once with it (every pick judged)",
    "yb": "100 items (35 articles), an economic daily's global section; drawn after 53be0c5 and read once with it (every pick judged)",
    "yc": "110 headlines, a newsletter's ticker and wires; drawn after 53be0c5 and read once with it (every pick judged)",
    "za": "120 headlines, a portal's overseas-stocks tab; first read with the tracker of e90b072 (every pick judged), then tuned on",
    "zb": "100 items (35 articles), an economic daily's international and industry desks; written early in session 5, kept unread until the tracker was frozen, read once with 05d2d9e (every pick judged), not tuned on",
    "zc": "120 headlines, a broker's morning briefing and a wire's flashes; first read with the tracker of e90b072 (every pick judged), then tuned on",
    "zd": "110 headlines, an online outlet's global-companies and markets sections across all sectors; kept unread until 05d2d9e, read once with it (every pick judged), not tuned on",
    "ze": "110 headlines, a business TV ticker in a Fed week and an earnings season; kept unread until 05d2d9e, read once with it (every pick judged), not tuned on",
    "zf": "100 items (30 articles), a news agency's international economy desk and a broker's overnight notes; kept unread until 05d2d9e, read once with it (every pick judged), not tuned on",
    "zg": "120 headlines, a portal's real-time feed and a broker's app alerts, varied headline grammar; first read with the tracker of a6698b9 (every pick judged), then tuned on",
    "zh": "100 items (40 articles), a business daily's international and markets pages and a wire's Asia desk; first read with the tracker of 0ed7fcf (every pick judged), then tuned on",
    "zi": "50 full articles, several newsrooms and wires, companies in many roles; first read with the tracker of bdf5a9b (every pick judged), then tuned on",
    "zj": "120 headlines, five weeks of market stress and rallies, companies as causes, victims and beneficiaries; first read with the tracker of ab20f56 (every pick judged), then tuned on",
    "zk": "50 full articles, analysis and company pieces naming S&P 500 companies in many roles; first read with the tracker of 1748f2c (every pick judged), then tuned on",
    "zl": "120 headlines, ordinary weeks on the overseas-stock and industry desks; first read with the tracker of 259febe (every pick judged), then tuned on",
    "zm": "40 full articles, several newsrooms, a reporting season; first read with the tracker of 37ad182 (every pick judged), then tuned on",
    "zq": "80 headlines and 30 articles from sectors less covered before: utilities, insurers, REITs, rails, payments, casinos, defense, chemicals, media, staples (session 6); first read with the session-6 tracker before its as-clause, seller's-buyer, anniversary and alias rules (the commit that added this batch; every pick judged), then tuned on",
    "xy": "94 headlines and 26 articles, a fortnight of a financial news app's feed for investors in US stocks (session 7 eleventh fresh set): written after the tenth read's fixes, kept unread, read once with the tracker dfa6868 (the final tracker), every pick judged; not tuned on",
    "xz": "40 full articles, an ordinary month of newswire and newspaper business coverage (session 7 eleventh fresh set): written after the tenth read's fixes, kept unread, read once with the tracker dfa6868 (the final tracker), every pick judged; not tuned on",
    "yd": "94 headlines and 26 articles across every event type and sector (session 8 twelfth fresh set): written blind, kept unread, read once with the tracker 834797c, every pick judged, then tuned on",
    "ye": "40 full articles: US companies' own news told at length with distractions, sector and macro stories, Korean suppliers, market closes (session 8 twelfth fresh set): read once with 834797c, every pick judged, then tuned on",
    "yf": "100 headlines and 20 articles on who the news is about (subject, customer, house, source, buyer, target, plaintiff, rival) and direction traps (session 8 twelfth fresh set): read once with 834797c, every pick judged, then tuned on",
    "yg": "40 full articles: sector stories outside big tech, Korean companies naming US partners, macro, columns and outlooks, news reached late (session 8 twelfth fresh set): read once with 834797c, every pick judged, then tuned on",
    "yh": "96 headlines and 24 articles, one month of a Korean portal's overseas-stocks section across all sectors (session 8 thirteenth fresh set): written blind after the twelfth read's fixes, read once with the tracker 4e62b4f, every pick judged, then tuned on",
    "yi": "40 full articles: correspondents' US company news, Korean business stories naming US firms, market wraps, policy, features (session 8 thirteenth fresh set): read once with 4e62b4f, every pick judged, then tuned on",
    "yj": "100 headlines and 20 articles with several companies where only some move, mixed mover lists, cause and effect across companies (session 8 thirteenth fresh set): read once with 4e62b4f, every pick judged, then tuned on",
    "yk": "40 full articles: long multi-company stories, crises and shocks, non-tech earnings, Korean stories naming US firms, no-reaction news (session 8 thirteenth fresh set): read once with 4e62b4f, every pick judged, then tuned on",
    "yl": "94 headlines and 26 articles, a few busy weeks of an international-markets desk (July-August 2024) across all sectors (session 8 fourteenth fresh set): written blind after the thirteenth read's fixes, read once with the tracker 088d2e8, every pick judged, then tuned on",
    "ym": "40 full articles: results in depth, deals, rulings, recalls, industry and macro days, Korean wraps and companies (session 8 fourteenth fresh set): read once with 088d2e8, every pick judged, then tuned on",
    "yn": "100 headlines and 20 articles in a Korean wire service's overseas-economy stream, with traps (session 8 fourteenth fresh set): read once with 088d2e8, every pick judged, then tuned on",
    "yo": "40 full articles of Korean financial dailies' overseas-stock coverage: big moves explained, previews, broker deep-dives, themes, retail favourites, policy (session 8 fourteenth fresh set): read once with 088d2e8, every pick judged, then tuned on",
    "yp": "40 full articles of a Korean economic daily's international section on ordinary days (session 8 fifteenth fresh set): written blind after the fourteenth read's fixes, read once with the tracker d28a52f, every pick judged",
    "yq": "40 full articles: results in every sector, M&A and activists, rulings, supply deals, commodity and rate days, crises, old or priced-in news (session 8 fifteenth fresh set): read once with d28a52f, every pick judged",
    "yr": "94 headlines and 26 articles in a stock app's feed for Korean investors in US stocks (session 8 fifteenth fresh set): read once with d28a52f, every pick judged",
    "ys": "100 headlines and 20 articles on roles and direction traps from Korean newsrooms and English wires (session 8 fifteenth fresh set): read once with d28a52f, every pick judged, then tuned on",
    "yt": "40 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 8 sixteenth fresh set): written blind after the fifteenth read's fixes, read once with the final tracker 68cdd54, every pick judged; not tuned on",
    "yu": "40 full articles naming several companies of which only some move (deals, suits, contracts, crises, analyst notes, Korean partners) (session 8 sixteenth fresh set): read once with the final tracker 68cdd54, every pick judged; not tuned on",
    "yv": "100 headlines and 20 articles, a broad mix with movers and names an analyst would not pick (session 8 sixteenth fresh set): read once with the final tracker 68cdd54, every pick judged; not tuned on",
    "yw": "94 headlines and 26 articles, a Korean portal's overseas-stocks front page over a season (session 8 sixteenth fresh set): read once with the final tracker 68cdd54, every pick judged; not tuned on",
    "yx": "40 long full articles of Korean dailies' market pages: KOSPI closes citing the Nasdaq, Korean companies naming US customers and rivals, foreign brokers on Korean stocks, US companies' own events told at length (session 9 seventeenth fresh set): written blind at the session start, read once with the tracker 17e8583, every pick judged",
    "yy": "100 headlines and 20 articles, a Korean wire's overseas stream on ordinary days in every sector, with traps (brokers, index providers, ETFs, franchisees, names inside words) (session 9 seventeenth fresh set): read once with 17e8583, every pick judged",
    "yz": "40 full articles on macro and sector drivers (oil, gas, metals, rates, data, the won, tariffs, drug pricing, defense, disasters, crypto, AI capex, housing), some only background (session 9 seventeenth fresh set): read once with 17e8583, every pick judged",
    "va": "94 headlines and 26 articles, a Korean broker's morning briefing on US stocks (movers, calendars, ratings, guidance, buybacks, index changes, short reports) with Korean and non-market items (session 9 seventeenth fresh set): read once with 17e8583, every pick judged",
    "vb": "40 full articles, a general mix of Korean newsrooms' coverage of US companies and markets over a year (session 9 eighteenth fresh set): written blind at the session start, read once with the tracker 029b2fb, every pick judged",
    "vc": "40 full articles naming several companies of which only some move: buyer, target and seller; plaintiff and defendant; supplier and customer; an outage's cause and victims; a bank's note on another; rankings; a rival's event (session 9 eighteenth fresh set): read once with 029b2fb, every pick judged",
    "vd": "100 headlines and 20 articles, a broad Korean and English mix with movers, non-movers and direction traps (damages received, losses narrowing, a bank's downgrade, oil falling, the won, a Korean supplier's US order) (session 9 eighteenth fresh set): read once with 029b2fb, every pick judged",
    "ve": "94 headlines and 26 articles, a Korean portal's overseas-stocks and world-economy front pages over a season, non-market and Korean items included (session 9 eighteenth fresh set): read once with 029b2fb, every pick judged",
    "vf": "40 full articles of a Korean economic daily's international and securities pages on ordinary weekdays, every sector (session 9 nineteenth fresh set): written blind mid-session, read once with the tracker 525976d, every pick judged",
    "vg": "100 headlines and 20 articles, a Korean securities app's overseas-stocks feed over several months (session 9 nineteenth fresh set): read once with 525976d, every pick judged",
    "vh": "40 full articles where the direction is easy to get wrong (reactions against the numbers, losses narrowing, damages paid or received, winners and losers of a price, cost or rate move, rivals' setbacks, priced-in and old news) (session 9 nineteenth fresh set): read once with 525976d, every pick judged",
    "vi": "94 headlines and 26 articles, a Korean general portal's economy section over a year, unfiltered (session 9 nineteenth fresh set): read once with 525976d, every pick judged",
    "vj": "40 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 9 twentieth fresh set): written blind late in the session, read once with the final tracker 0ee811f, every pick judged; not tuned on",
    "vk": "100 headlines and 20 articles, a broad Korean and English financial mix across all sectors (session 9 twentieth fresh set): read once with the final tracker 0ee811f, every pick judged; not tuned on",
    "vl": "40 full articles naming several companies where only some move and roles matter (session 9 twentieth fresh set): read once with the final tracker 0ee811f, every pick judged; not tuned on",
    "vm": "94 headlines and 26 articles, a Korean wire's overseas-economy and world-market stream (session 9 twentieth fresh set): read once with the final tracker 0ee811f, every pick judged; not tuned on",
    "vn": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 9 twenty-first fresh set): written blind at the end of the session, read once with the final tracker e4eda3e, every pick judged; not tuned on",
    "vo": "90 headlines and 10 articles, Korean and English financial headlines across all sectors (session 9 twenty-first fresh set): read once with the final tracker e4eda3e, every pick judged; not tuned on",
    "vp": "30 full articles naming several companies where only some move and roles matter (session 9 twenty-first fresh set): read once with the final tracker e4eda3e, every pick judged; not tuned on",
    "vq": "90 headlines and 10 articles, a Korean portal's overseas-stocks and world-economy pages (session 9 twenty-first fresh set): read once with the final tracker e4eda3e, every pick judged; not tuned on",
    "vr": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 9 twenty-second fresh set): written blind at the end of the session, read once with the final tracker 21a1b1c, every pick judged; not tuned on",
    "vs": "90 headlines and 10 articles, Korean and English financial headlines across all sectors (session 9 twenty-second fresh set): read once with the final tracker 21a1b1c, every pick judged; not tuned on",
    "vt": "30 full articles naming several companies where only some move and roles matter, licensors and licensees included (session 9 twenty-second fresh set): read once with the final tracker 21a1b1c, every pick judged; not tuned on",
    "vu": "90 headlines and 10 articles, a Korean wire's overseas-economy stream (session 9 twenty-second fresh set): read once with the final tracker 21a1b1c, every pick judged; not tuned on",
    "vv": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets on ordinary days (session 10 twenty-third fresh set): written blind at the session start, read once with the tracker 7381964, every pick judged",
    "vw": "90 headlines and 10 articles across all GICS sectors, Korean and English, with movers, calls, deals, suits, commodity moves and Korean items (session 10 twenty-third fresh set): read once with 7381964, every pick judged",
    "vx": "30 full articles naming several companies where the role decides: acquirer, target and seller; plaintiff and defendant; supplier and customer; licensor and licensee; an outage's provider and victims; a bank's note; activists; index changes (session 10 twenty-third fresh set): read once with 7381964, every pick judged",
    "vy": "70 headlines and 20 articles, a Korean securities firm's overseas-stocks newsletter and a daily's world-market page over several months (session 10 twenty-third fresh set): read once with 7381964, every pick judged",
    "vz": "30 full articles, an unfiltered month of Korean financial dailies' international pages and wires (session 10 twenty-fourth fresh set): written blind at the session start, read once with the tracker 84198cd, every pick judged",
    "ua": "90 headlines and 10 articles, a Korean wire's overseas-economy stream with direction traps (damages paid or received, losses narrowing, moves against the numbers, input prices, a bank's downgrade, deals called off, groundings, strikes ending) (session 10 twenty-fourth fresh set): read once with 84198cd, every pick judged",
    "ub": "30 long Korean market-page articles where several US and Korean companies are named and only some move (suppliers reacting, sector days, broker notes, orders from US customers, crises, US policy) (session 10 twenty-fourth fresh set): read once with 84198cd, every pick judged",
    "uc": "70 headlines and 20 articles, a Korean general portal's economy and overseas-stocks sections, unfiltered (session 10 twenty-fourth fresh set): read once with 84198cd, every pick judged",
    "ud": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 10 twenty-fifth fresh set): written blind mid-session, read once with the tracker 0be6413, every pick judged",
    "ue": "90 headlines and 10 articles, a Korean financial portal's real-time feed across all sectors over a year (session 10 twenty-fifth fresh set): read once with 0be6413, every pick judged",
    "uf": "30 full articles naming several companies where the role decides, royalty payers and receivers, designers and memory suppliers included (session 10 twenty-fifth fresh set): read once with 0be6413, every pick judged",
    "ug": "70 headlines and 20 articles, a Korean wire's overseas-economy and world-markets desk over a year (session 10 twenty-fifth fresh set): read once with 0be6413, every pick judged",
    "uh": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets as a Korean reader meets it (session 10 twenty-sixth fresh set): written blind mid-session, read once with the tracker f11febb, every pick judged",
    "ui": "90 headlines and 10 articles across all sectors and news types, with direction traps (session 10 twenty-sixth fresh set): read once with f11febb, every pick judged",
    "uj": "30 full articles naming several companies where the role decides, market-share rankings and ETF flows included (session 10 twenty-sixth fresh set): read once with f11febb, every pick judged",
    "uk": "70 headlines and 20 articles, a Korean portal's overseas-stocks and world-economy front pages over a year (session 10 twenty-sixth fresh set): read once with f11febb, every pick judged",
    "ul": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 10 twenty-seventh fresh set): written blind late in the session, read once with the final tracker 8bf151a after the last change, every pick judged; not tuned on",
    "um": "90 headlines and 10 articles, a Korean wire's overseas stream and a securities app's feed across all sectors, with direction traps (session 10 twenty-seventh fresh set): read once with the final tracker 8bf151a, every pick judged; not tuned on",
    "un": "30 full articles naming several companies where the role decides (session 10 twenty-seventh fresh set): read once with the final tracker 8bf151a, every pick judged; not tuned on",
    "uo": "70 headlines and 20 articles, a Korean daily's world-market page and a portal's overseas-stocks section over a year (session 10 twenty-seventh fresh set): read once with the final tracker 8bf151a, every pick judged; not tuned on",
    "up": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 10 twenty-eighth fresh set): written blind at the end of the session, read once with the final tracker da9134a after every change, every pick judged; not tuned on",
    "uq": "90 headlines and 10 articles across all sectors and news types, with direction traps (session 10 twenty-eighth fresh set): read once with the final tracker da9134a, every pick judged; not tuned on",
    "ur": "30 full articles naming several companies where the role decides (session 10 twenty-eighth fresh set): read once with the final tracker da9134a, every pick judged; not tuned on",
    "us": "70 headlines and 20 articles, a Korean wire's overseas-economy desk and a portal's overseas-stocks section over a year (session 10 twenty-eighth fresh set): read once with the final tracker da9134a, every pick judged; not tuned on",
    "ut": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 10 twenty-ninth fresh set): written blind at the end of the session, read once with the final tracker db54024 after every change, every pick judged; not tuned on in session 10; tuned on in session 11",
    "uu": "90 headlines and 10 articles across all sectors, with direction traps and names that do not move (session 10 twenty-ninth fresh set): read once with the final tracker db54024, every pick judged; not tuned on in session 10; tuned on in session 11",
    "uv": "30 full articles naming several companies where the role decides (session 10 twenty-ninth fresh set): read once with the final tracker db54024, every pick judged; not tuned on in session 10; tuned on in session 11",
    "uw": "70 headlines and 20 articles, a Korean portal's overseas-stocks and world-economy pages over a year (session 10 twenty-ninth fresh set): read once with the final tracker db54024, every pick judged; not tuned on in session 10; tuned on in session 11",
    "ux": "60 headlines and 25 articles on US earnings, guidance and after-hours moves, with Korean suppliers and partners of US firms (session 11 thirtieth fresh set): written blind, kept unread, read once with tracker 0ffd319, every pick judged",
    "uy": "30 full articles on macro and sector themes (oil, rates, FX, tariffs, data) and Korean-only macro (session 11 thirtieth fresh set): written blind, kept unread, read once with tracker 0ffd319, every pick judged",
    "uz": "56 headlines and 24 articles on roles (customer, partner, venue, source, plaintiff, buyer) beside companies' own news (session 11 thirtieth fresh set): written blind, kept unread, read once with tracker 0ffd319, every pick judged",
    "ta": "30 full articles on legal, regulatory, M&A, management and activist news, US and Korean (session 11 thirtieth fresh set): written blind, kept unread, read once with tracker 0ffd319, every pick judged",
    "tb": "49 headlines and 31 articles, a free mix of a Korean financial reader's day, a quarter in English (session 11 thirty-first fresh set): written blind, kept unread while the thirtieth read was tuned on, read once with tracker ce66a86, every pick judged",
    "tc": "30 full articles of Korean market coverage (wraps, Korean earnings, supply deals with US customers, broker notes, retail flows, ETFs) and US news told from Seoul (session 11 thirty-first fresh set): written blind, kept unread, read once with tracker ce66a86, every pick judged",
    "td": "60 headlines and 15 articles on incidents and operations (recalls, crashes, outages, breaches, strikes, fires, launches, shortages) (session 11 thirty-first fresh set): written blind, kept unread, read once with tracker ce66a86, every pick judged",
    "te": "30 long articles naming several companies with different fates (winners and losers, deals, suppliers and customers, analyst quotes) (session 11 thirty-first fresh set): written blind, kept unread, read once with tracker ce66a86, every pick judged",
    "tf": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets in a normal week (session 11 thirty-second fresh set): written blind, kept unread while the thirtieth and thirty-first reads were tuned on, read once with tracker c80b9ec, every pick judged",
    "tg": "90 headlines and 10 articles across all sectors with direction traps (damages, losses narrowing, moves against the news, input costs, deals called off, calls by US houses, strikes ending, software recalls, rivals' problems) (session 11 thirty-second fresh set): read once with tracker c80b9ec, every pick judged",
    "th": "30 full articles naming several companies where the role decides (suppliers and customers, acquirers and targets, plaintiffs, houses, rankings, ETFs) (session 11 thirty-second fresh set): read once with tracker c80b9ec, every pick judged",
    "ti": "70 headlines and 20 articles, a Korean wire's overseas-economy desk and a portal's overseas-stocks section over a year, unfiltered (session 11 thirty-second fresh set): read once with tracker c80b9ec, every pick judged",
    "tj": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets (session 11 thirty-third fresh set): written blind at the end of the session, read once with the final tracker a1ce60b after every change, every pick judged; not tuned on until its figures were recorded; then tuned on",
    "tk": "90 headlines and 10 articles, a Korean financial portal's real-time feed across all sectors with direction traps (session 11 thirty-third fresh set): read once with the final tracker a1ce60b, every pick judged; not tuned on until its figures were recorded; then tuned on",
    "tl": "30 full articles naming several companies where the role decides (session 11 thirty-third fresh set): read once with the final tracker a1ce60b, every pick judged; not tuned on until its figures were recorded; then tuned on",
    "tm": "70 headlines and 20 articles, a Korean daily's world-market page and a portal's overseas-stocks section over a year (session 11 thirty-third fresh set): read once with the final tracker a1ce60b, every pick judged; not tuned on until its figures were recorded; then tuned on",
    "tn": "80 headlines and 10 articles, a Korean financial news site's day-by-day feed over a year (session 11 thirty-fourth fresh set): written blind at the end of the session, read once with the final tracker 9e0a91c after every change, every pick judged; not tuned on in session 11, tuned on in session 12",
    "to": "30 full articles, a general mix of Korean newsrooms' coverage of US companies and markets, houses and raters as sources included (session 11 thirty-fourth fresh set): read once with the final tracker 9e0a91c, every pick judged; not tuned on in session 11, tuned on in session 12",
    "tp": "50 headlines and 15 articles, a securities daily's overseas-stocks desk in two US earnings seasons (2023-24) (session 12 thirty-fifth fresh set): written blind, read once with tracker ae0a19e, every pick judged; then tuned on",
    "tq": "50 headlines and 15 articles, a wire's Korean service on US tech and chips in 2018-20 (session 12 thirty-fifth fresh set): written blind, read once with tracker ae0a19e, every pick judged; then tuned on",
    "tr": "45 headlines and 20 articles, an economic daily's industry desk in 2021-22: Korean batteries, ships, bio, games and their US customers and partners (session 12 thirty-sixth fresh set): written blind, kept unread while the thirty-fifth read was tuned on, read once with tracker d7b1b02, every pick judged; then tuned on",
    "ts": "55 headlines and 10 articles, a quarter English, a morning briefing desk in 2014-16: wraps, the oil collapse, the dollar, the Fed, sector moves (session 12 thirty-sixth fresh set): written blind, read once with tracker d7b1b02, every pick judged; then tuned on",
    "tt": "50 headlines and 15 articles, a healthcare and consumer beat in 2012-19: trials, FDA, drug pricing, pharma deals, retail comps, food safety, Korean biosimilars (session 12 thirty-seventh fresh set): written blind, kept unread while the thirty-fifth and thirty-sixth reads were tuned on, read once with tracker d8c697e, every pick judged; then tuned on",
    "tu": "50 headlines and 15 articles, financials and energy in 2020-24: banks, stress tests, bank failures, raters, insurers, oil majors, OPEC, utilities, brokers as sources (session 12 thirty-seventh fresh set): written blind, read once with tracker d8c697e, every pick judged; then tuned on",
    "tx": "50 headlines and 15 articles, an online paper's global-money section in 2010-13: the euro crisis, QE, Fukushima supply chains, Apple-Samsung patents, bank settlements, shale (session 12 thirty-eighth fresh set): written blind, kept unread while three reads were tuned on, read once with tracker 05f9feb, every pick judged; then tuned on",
    "ty": "45 headlines and 20 articles, a news agency's markets desk in 2022-24: rate hikes, the regional bank crisis, the AI rally, GLP-1 drugs, strikes, days of mixed movers (session 12 thirty-eighth fresh set): written blind, read once with tracker 05f9feb, every pick judged; then tuned on",
    "tz": "55 headlines and 10 articles, Korean flash headlines ([속보], [특징주], [마감시황], [뉴욕증시]) in 2016-24, several companies per line (session 12 thirty-eighth fresh set): written blind, read once with tracker 05f9feb, every pick judged; then tuned on",
    "tv": "50 headlines and 15 articles, a Korean portal's global-stocks tab through 2024: AI stocks, Tesla, big tech, obesity drugs, crypto-linked stocks, index changes, splits, the election (session 12 thirty-ninth fresh set): written blind, kept unread while four reads were tuned on, read once with tracker e51a1db, every pick judged; then tuned on",
    "tw": "50 headlines and 15 articles, industrials, transport, legal and regulatory news in 2015-23: airlines and plane makers, defense, autos, rail and trucking, antitrust, verdicts and settlements, fines, strikes, tariffs (session 12 thirty-ninth fresh set): written blind, read once with tracker e51a1db, every pick judged; then tuned on",
    "sa": "40 headlines and 25 articles, half English, a business wire and a Korean paper's US correspondent in 2016-24: supply chains, consumer brands, media, payments, REITs and utilities, travel, rating actions, index changes (session 12 thirty-ninth fresh set): written blind, read once with tracker e51a1db, every pick judged; then tuned on",
    "sb": "50 headlines and 15 articles, an economic daily's New York desk in 2019-24, a normal day's mix (session 12 fortieth fresh set): written blind at the end of the session, read once with the final tracker 0b367ad after every change, every pick judged; not tuned on",
    "sc": "45 headlines and 20 articles, a securities firm's research-news portal in 2015-23: broker calls on US stocks, target prices, previews and reviews (session 12 fortieth fresh set): read once with the final tracker 0b367ad, every pick judged; not tuned on",
    "sd": "55 headlines and 10 articles, a third English, a wire's business headlines in 2011-24 across all sectors: incidents, weather, commodities, labor, management (session 12 fortieth fresh set): read once with the final tracker 0b367ad, every pick judged; not tuned on",
    "se": "35 headlines and 30 long articles, one US company's event at a time with several companies in different roles, and Korean coverage citing US news, 2017-24 (session 12 fortieth fresh set): read once with the final tracker 0b367ad, every pick judged; not tuned on",
    "sf": "50 headlines and 15 articles, an economic daily's US-stocks column in 2010-14: post-crisis banks, the iPhone years, Europe's debt crisis, shale, social media IPOs (session 13 forty-first fresh set): written blind, read once with tracker e736914 (session 12's final), every pick judged; then tuned on",
    "sg": "45 headlines and 20 articles, a Korean electronics trade paper in 2015-24: chips, displays, batteries, phones and servers; Korean suppliers and their US customers, export controls, memory prices (session 13 forty-first fresh set): written blind, read once with tracker e736914, every pick judged; then tuned on",
    "sh": "55 headlines and 10 articles, a third English, US market close and intraday headlines day by day in 2017-22: the trade war, the pandemic crash and rebound, meme stocks, the 2022 bear market (session 13 forty-first fresh set): written blind, read once with tracker e736914, every pick judged; then tuned on",
    "si": "35 headlines and 30 long articles, a Korean business weekly's deals and courts coverage in 2012-24: mergers, antitrust, activists, spin-offs, suits, settlements, fines (session 13 forty-first fresh set): written blind, read once with tracker e736914, every pick judged; then tuned on",
    "sn": "50 headlines and 15 articles, a Korean securities daily's overseas-stocks desk in 2020-24: big tech, AI chips, EVs, cloud and software results, guidance, buybacks, broker calls (session 13 forty-second fresh set): written blind, kept unread while the forty-first read was tuned on, read once with the tracker after that tuning, every pick judged; then tuned on",
    "so": "45 headlines and 20 articles, a Korean economic daily's industry pages in 2012-23: shipbuilders, carmakers, steel, chemicals, batteries, defense, construction, food and cosmetics naming US companies in varying roles (session 13 forty-second fresh set): written blind, read once with the tracker after the forty-first tuning, every pick judged; then tuned on",
    "sp": "50 headlines and 15 articles, a third English, financials and industrials in 2010-24: banks, card networks, asset managers, insurers after catastrophes, exchanges, rail, trucking, aerospace and defense, machinery, airline incidents (session 13 forty-second fresh set): written blind, read once with the tracker after the forty-first tuning, every pick judged; then tuned on",
    "sq": "55 headlines and 10 articles, Korean flash and wrap headlines in 2011-24 ([속보], [특징주], [마감시황], [뉴욕증시], [해외증시], [글로벌마켓]) naming US companies often only as a cause (session 13 forty-second fresh set): written blind, read once with the tracker after the forty-first tuning, every pick judged; then tuned on",
    "sr": "40 headlines and 25 articles, a Korean newspaper's international business section in 2013-24: long reports on one US company's quarter or crisis with rivals, suppliers, customers, analysts and Korean counterparts in different roles (session 13 forty-third fresh set): written blind, kept unread while the forty-second read was tuned on, read once with tracker 1580461, every pick judged; then tuned on",
    "ss": "50 headlines and 15 articles, a Korean portal's world-economy and global-stocks tabs in 2015-24, an ordinary mixed feed with many US companies named only as sources, examples or in passing (session 13 forty-third fresh set): written blind, read once with tracker 1580461, every pick judged; then tuned on",
    "st": "40 headlines and 25 articles, half English, an English wire and a Korean daily's translated wire copy in 2012-24: earnings, guidance, M&A, lawsuits, regulation, recalls, management, several companies per story (session 13 forty-third fresh set): written blind, read once with tracker 1580461, every pick judged; then tuned on",
    "su": "55 headlines and 10 articles, a Korean economic daily's securities desk in 2016-24: Korean stocks moving on US companies' news, Korean brokers' notes on US stocks, ETF flows, previews (session 13 forty-third fresh set): written blind, read once with tracker 1580461, every pick judged; then tuned on",
    "sv": "50 headlines and 15 articles, a Korean financial news site's global desk on normal weekdays in 2019-24 (session 13 forty-fifth fresh set): written blind, kept unread while the forty-fourth read was tuned on, read once with the session's final tracker, every pick judged; not tuned on",
    "sw": "35 headlines and 30 long articles, Korean and English features in 2011-24 on one event each with companies in different roles (session 13 forty-fifth fresh set): written blind, read once with the session's final tracker, every pick judged; not tuned on",
    "sx": "55 headlines and 10 articles, a third English, a wire's markets headlines in 2010-24: movers, sectors, commodities, index changes, calls, Korean and Asian markets citing US companies (session 13 forty-fifth fresh set): written blind, read once with the session's final tracker, every pick judged; not tuned on",
    "sy": "50 headlines and 15 articles, a Korean business daily's industry and technology desks in 2014-24: Korean suppliers, licensees, JVs and rivals of US companies (session 13 forty-fifth fresh set): written blind, read once with the session's final tracker, every pick judged; not tuned on",
    "sz": "45 headlines and 20 articles, a Korean economic daily's New York correspondent in 2012-24: deals walked away from or blocked, buybacks announced with them, rulings with payer and receiver, airline incidents with the operator named, after-hours moves cited in Korean coverage (session 13, written blind at its end for session 14; read first in session 14 with session 13's final tracker b81608a, the forty-sixth read)",
    "ra": "50 headlines and 15 articles, a Korean portal's economy section on ordinary days in 2010-24 (session 13, written blind at its end for session 14; read first in session 14 with session 13's final tracker b81608a, the forty-sixth read)",
    "rb": "35 headlines and 30 long articles, a quarter English, features on one event each in 2012-24 with companies in different roles (session 13, written blind at its end for session 14; read first in session 14 with session 13's final tracker b81608a, the forty-sixth read)",
    "rc": "55 headlines and 10 articles, Korean securities-desk flash headlines in 2015-24 (session 13, written blind at its end for session 14; read first in session 14 with session 13's final tracker b81608a, the forty-sixth read)",
    "rx": "45 headlines and 20 articles, a Korean economic daily's New York and Washington correspondents in 2010-24: policy, Fed, tariffs, antitrust and company news with companies in different roles (session 14, written blind at its end for session 15): unread",
    "ry": "50 headlines and 15 articles, a Korean business daily's industry desk in 2014-24: supply deals, licensing, JVs, reimbursements and disputes between Korean and US companies (session 14, written blind at its end for session 15): unread",
    "rz": "40 headlines and 25 articles, a quarter English, a markets service's daily movers and sector desks in 2010-24: moves and why, sector and commodity moves, calls, incidents, moves against the news and with no news (session 14, written blind at its end for session 15): unread",
    "rt": "45 headlines and 20 articles, a Korean daily's international economy desk in 2010-24: US big tech, chips and software news with Korean suppliers and rivals (session 14 fifty-first fresh set): written blind late in the session, kept unread while the tracker changed, read once with the session's final tracker aaddb9b, every pick judged; not tuned on",
    "ru": "50 headlines and 15 articles, a Korean news agency's markets desk in 2012-24: Korean wraps, foreign-stock flashes and retail investors' overseas trading, US companies often examples, causes or favourites (session 14 fifty-first fresh set): written blind late in the session, kept unread while the tracker changed, read once with the session's final tracker aaddb9b, every pick judged; not tuned on",
    "rv": "35 headlines and 30 articles, a third English, a wire's healthcare and consumer desk in 2011-24: trials, approvals, patent cliffs, pricing, recalls, M&A, retail and restaurant earnings (session 14 fifty-first fresh set): written blind late in the session, kept unread while the tracker changed, read once with the session's final tracker aaddb9b, every pick judged; not tuned on",
    "rw": "55 headlines and 10 articles, Korean economic TV and portal headlines in 2010-24 on industrials, defence, airlines, autos, shipping and rail (session 14 fifty-first fresh set): written blind late in the session, kept unread while the tracker changed, read once with the session's final tracker aaddb9b, every pick judged; not tuned on",
    "rp": "45 headlines and 20 articles, a Korean business weekly's US-stocks column in 2015-24: earnings, guidance, buybacks, management changes and lawsuits at consumer, media, retail, transport and payments companies (session 14 fiftieth fresh set): written blind late in the session, kept unread while the tracker changed, read once with tracker 677cc9b, every pick judged; then tuned on",
    "rq": "50 headlines and 15 articles, a Korean regional daily's economy page in 2010-24: local steel, shipbuilding, petrochemical, auto, battery and chip industries and exports, US companies mostly customers, partners or rivals (session 14 fiftieth fresh set): written blind late in the session, kept unread while the tracker changed, read once with tracker 677cc9b, every pick judged; then tuned on",
    "rr": "40 headlines and 25 articles, a third English, a newswire's energy, materials and utilities desk in 2011-24: oil, gas, metals, fertilizer, power prices, rate cases, accidents, OPEC (session 14 fiftieth fresh set): written blind late in the session, kept unread while the tracker changed, read once with tracker 677cc9b, every pick judged; then tuned on",
    "rs": "55 headlines and 10 articles, Korean portal flash headlines in 2016-24 on banks, insurers, brokers, card networks and fintech: rates, credit losses, failures, fines, deals, stress tests, dividends (session 14 fiftieth fresh set): written blind late in the session, kept unread while the tracker changed, read once with tracker 677cc9b, every pick judged; then tuned on",
    "rl": "45 headlines and 20 articles, a Korean economic daily's global markets desk in 2012-24: US company news of every kind and Korean market wraps citing US companies (session 14 forty-ninth fresh set): written blind mid-session, kept unread while the tracker changed, read once with tracker 9b7aeec (meant as the final read; later reads followed), every pick judged; then tuned on",
    "rm": "50 headlines and 15 articles, a Korean news agency's industry and science desks in 2013-24: chips, batteries, autos, aerospace, pharma, platforms, Korean companies with US customers, partners and rivals (session 14 forty-ninth fresh set): written blind mid-session, kept unread while the tracker changed, read once with tracker 9b7aeec (meant as the final read; later reads followed), every pick judged; then tuned on",
    "rn": "35 headlines and 30 articles, a third English, an international wire's business desk in 2010-24: long stories on one event naming several companies in different roles (session 14 forty-ninth fresh set): written blind mid-session, kept unread while the tracker changed, read once with tracker 9b7aeec (meant as the final read; later reads followed), every pick judged; then tuned on",
    "ro": "55 headlines and 10 articles, Korean securities and portal flash headlines in 2014-24: US movers, Korean stocks reacting to US news, sectors, commodities, calls, index events (session 14 forty-ninth fresh set): written blind mid-session, kept unread while the tracker changed, read once with tracker 9b7aeec (meant as the final read; later reads followed), every pick judged; then tuned on",
    "rd": "45 headlines and 20 articles, a Korean wire service's international desk in 2011-19: US earnings and guidance with the Korean suppliers and rivals that react, misses, beats with weak guidance, beats where the stock fell (session 14 forty-seventh fresh set): written blind at the start of the session, read once with the tracker after the session's first changes, every pick judged; then tuned on",
    "re": "50 headlines and 15 articles, a Korean business daily's industry desk in 2016-24: Korean companies' orders, JVs and supply deals with US companies, the US side mostly a customer or partner (session 14 forty-seventh fresh set): written blind at the start of the session, read once with the tracker after the session's first changes, every pick judged; then tuned on",
    "rf": "40 headlines and 25 articles, a third English, a financial news agency's US markets desk in 2013-24: regulation, fines, antitrust suits, FDA decisions, export controls and tariffs (session 14 forty-seventh fresh set): written blind at the start of the session, read once with the tracker after the session's first changes, every pick judged; then tuned on",
    "rg": "55 headlines and 10 articles, a Korean online outlet's markets section in 2010-24: Korean and US market wraps, sector, theme and commodity moves, US companies often only examples (session 14 forty-seventh fresh set): written blind at the start of the session, read once with the tracker after the session's first changes, every pick judged; then tuned on",
    "rh": "45 headlines and 20 articles, a Korean general daily's economy section in 2012-23: M&A with acquirer, target and seller, spin-offs, buybacks, dividends, index additions, collapsed and routine deals (session 14 forty-eighth fresh set): written blind at the start of the session; its picks were once shown in a diff listing by mistake before it was read (no rule was made from that), then read once with the tracker after the session's second changes, every pick judged; then tuned on",
    "ri": "35 headlines and 30 articles, a quarter English, a news service's tech and autos desk in 2014-24: launches, recalls, accidents, outages, strikes, management changes, broker calls (session 14 forty-eighth fresh set): written blind at the start of the session; its picks were once shown in a diff listing by mistake before it was read (no rule was made from that), then read once with the tracker after the session's second changes, every pick judged; then tuned on",
    "rj": "50 headlines and 15 articles, a Korean broadcaster's economy news in 2010-24: everyday Korean business and policy news, US companies mostly partners, customers, sources or in passing (session 14 forty-eighth fresh set): written blind at the start of the session; its picks were once shown in a diff listing by mistake before it was read (no rule was made from that), then read once with the tracker after the session's second changes, every pick judged; then tuned on",
    "rk": "40 headlines and 25 articles, a Korean securities firm's overseas-stock newsletter in 2018-24: US healthcare, consumer, banks, energy and industrials: earnings, trials, guidance, dividends, lawsuits, analyst calls (session 14 forty-eighth fresh set): written blind at the start of the session; its picks were once shown in a diff listing by mistake before it was read (no rule was made from that), then read once with the tracker after the session's second changes, every pick judged; then tuned on",
    "sj": "50 headlines and 15 articles, a Korean TV station's economy news in 2018-24: rates, the won, oil, gold, crypto, inflation, jobs, Korean exporters; US companies often named only in passing (session 13 forty-fourth fresh set): written blind at the start of the session, kept unread while the tracker changed, read once with tracker ec0610a, every pick judged; then tuned on",
    "sk": "50 headlines and 15 articles, energy, materials, utilities and real estate in 2010-24: producers, refiners, miners, chemicals, steel, utilities, wildfires and storms, REITs (session 13 forty-fourth fresh set): written blind at the start of the session, kept unread while the tracker changed, read once with tracker ec0610a, every pick judged; then tuned on",
    "sl": "50 headlines and 15 articles, health insurers, hospitals, medtech, pharma, telecoms, cable, streaming and media in 2014-24 (session 13 forty-fourth fresh set): written blind at the start of the session, kept unread while the tracker changed, read once with tracker ec0610a, every pick judged; then tuned on",
    "sm": "45 headlines and 20 articles, a third English, consumer, retail, restaurants, travel, apparel and leisure in 2011-24 (session 13 forty-fourth fresh set): written blind at the start of the session, kept unread while the tracker changed, read once with tracker ec0610a, every pick judged; then tuned on",
    "xw": "130 headlines, two weeks of a business site's global-market and industry feeds across all sectors (session 7 tenth fresh set): written after the last tracker change, kept unread, read once with the final tracker faaea4d, every pick judged; then tuned on",
    "xx": "45 full articles from Korean newspapers, wires and online outlets (session 7 tenth fresh set): written after the last tracker change, kept unread, read once with the final tracker faaea4d, every pick judged; then tuned on",
    "xu": "130 headlines, an unfiltered fortnight of a portal's economy, world and securities sections (session 7 ninth fresh set): written after the last tracker change, kept unread, read once with the final tracker faaea4d, every pick judged; not tuned on",
    "xv": "45 full articles, two months of Korean financial journalism for readers of US stocks (session 7 ninth fresh set): written after the last tracker change, kept unread, read once with the final tracker faaea4d, every pick judged; not tuned on",
    "xt": "40 full articles on a normal weekday news cycle of Korean newsrooms (session 7 eighth fresh set): written late in the session, kept unread, read once with the tracker bfa3401, every pick judged",
    "xs": "130 headlines, three weeks of the mixed feed a Korean retail investor follows (session 7 eighth fresh set): written late in the session, kept unread, read once with the tracker bfa3401, every pick judged",
    "xr": "45 full articles in which several companies play different roles, from Korean economic papers and wires (session 7 seventh fresh set): written mid-session, kept unread, read once with the tracker c7672cc, every pick judged; then tuned on",
    "xq": "120 headlines and 15 articles, a Q4 earnings season on a portal's overseas-stocks and industry tabs (session 7 seventh fresh set): written mid-session, kept unread, read once with the tracker bbd1173, every pick judged; then tuned on",
    "xo": "110 headlines and 15 articles, ten trading days of a securities site's overseas-stocks section incl. many [특징주] movers (session 7 sixth fresh set): written at the session start, kept unread, read once with the tracker 7970be8, every pick judged; then tuned on",
    "xp": "40 full articles, a year of Korean economic dailies (session 7 sixth fresh set): written at the session start, kept unread, read once with the tracker 7970be8, every pick judged; then tuned on",
    "xk": "120 headlines and 20 articles, an ordinary fortnight of a Korean site's global, market and industry sections (session 7 fifth fresh set): written at the session start, kept unread, read once with the frozen tracker 5fc8657, every pick judged; then tuned on",
    "xl": "45 full articles, a mixed couple of months of Korean business journalism incl. wraps, broker notes and columns (session 7 fifth fresh set): written at the session start, kept unread, read once with the frozen tracker 5fc8657, every pick judged; then tuned on",
    "xm": "110 headlines and 20 articles, one month of a portal's economy tab, unfiltered (session 7 fifth fresh set): written at the session start, kept unread, read once with the frozen tracker 5fc8657, every pick judged; then tuned on",
    "xn": "40 full articles from a newswire's international-economy and securities desks over a season (session 7 fifth fresh set): written at the session start, kept unread, read once with the frozen tracker 5fc8657, every pick judged; then tuned on",
    "xi": "130 headlines and 20 articles, ordinary weeks of a Korean feed's global and market sections (session 6 fourth fresh set): written after the final tracker change, kept unread, read once with the tracker 6e4b6fe, every pick judged; then tuned on (the commit after 63c4fa3)",
    "xj": "50 full articles, a mixed couple of months incl. daily, weekly and monthly wraps (session 6 fourth fresh set): written after the final tracker change, kept unread, read once with the tracker 6e4b6fe, every pick judged; then tuned on (the commit after 63c4fa3)",
    "xg": "130 headlines and 20 articles, a realistic month of Korean sites' and wires' headlines for a Korean investor in US stocks (session 6 third fresh set): written after the second fresh read, kept unread, read once with the tracker 8ea02ef, every pick judged; then tuned on (6e4b6fe)",
    "xh": "40 full articles, a mixed month (session 6 third fresh set): written after the second fresh read, kept unread, read once with the tracker 8ea02ef, every pick judged; then tuned on (6e4b6fe)",
    "xe": "110 headlines and 30 articles, two realistic weeks of a Korean feed's global and market coverage (session 6 second fresh set): written after the first fresh read, kept unread, read once with the tracker ab388c9, every pick judged; then tuned on (8ea02ef)",
    "xf": "40 full articles, a typical month of global business news for a Korean reader (session 6 second fresh set): written after the first fresh read, kept unread, read once with the tracker ab388c9, every pick judged; then tuned on (8ea02ef)",
    "zn": "40 full articles, the messy mix of a real Korean feed (session 6 fresh set): written at the session start, kept unread while the tracker changed, read once with the frozen tracker cc95464, every pick judged; then tuned on",
    "zp": "100 headlines and 20 articles, an unfiltered day of a Korean headline feed (session 6 fresh set): written at the session start, kept unread, read once with the frozen tracker cc95464, every pick judged; then tuned on",
    "zt": "90 headlines and 30 articles, one ordinary week of a Korean site's global and market sections (session 6 fresh set): written early in the session, kept unread, read once with the frozen tracker cc95464, every pick judged; then tuned on",
    "zw": "40 full articles, an ordinary month for a Korean reader of US stocks (session 6 fresh set): written mid-session, kept unread, read once with the frozen tracker cc95464, every pick judged; then tuned on",
    "zz": "90 headlines and 30 articles on drivers that move groups: commodities, rates, data, tariffs, export controls, health policy, defense, weather, cyber, AI capex, crypto, housing (session 6); first read with the tracker of ee1e15d (every pick judged), then tuned on",
    "xd": "40 full articles naming several S&P 500 companies with different fates or roles: winners and losers, acquirer and target, maker and suppliers, plaintiff and defendant, operator and manufacturer (session 6); first read with the tracker of 8cb172c (every pick judged), then tuned on",
    "zx": "40 full articles on the Korean market and Korean companies, US names as overnight moves, customers, partners, comparisons, a quarter with a real US event told inside (session 6); first read with the tracker of 574c738 (every pick judged), then tuned on",
    "zy": "120 headlines of Korean global desks on less famous S&P 500 members in every sector, spelled as desks spell them (session 6); first read with the tracker of 6c318ce (every pick judged), then tuned on",
    "zu": "40 full articles on US companies' own news with two-sided details (beat on one line, miss on another; charges shrugged off), across all GICS sectors, 40% with no mover (session 6); first read with the tracker of 2fd36a1 (every pick judged), then tuned on",
    "zv": "120 headlines, a third English wire forms (Exclusive, Factbox, Analysis, Breakingviews), a broad day of US corporate news (session 6); first read with the tracker of fa583a1 (every pick judged), then tuned on",
    "zs": "120 headlines whose grammar hides who the news is about and which way it goes: opposite fates, causes, customers, sources, concessions, negations, hedges, previews, tiny moves (session 6); first read with the tracker of df214e2 (every pick judged), then tuned on",
    "zr": "40 full articles where the US company is often not the subject: supplier calls, profiles, columns, old or expected events, proposed rules (session 6; its writer glimpsed the first items of ZQ, a tuned batch); first read with the tracker of 9ff7967 (every pick judged), then tuned on",
    "zo": "40 full articles of Korean economic sites' length and structure (session 6); first read with the session-6 tracker before its as-clause, seller's-buyer, anniversary and alias rules (the commit that added this batch; every pick judged), then tuned on",
}


@dataclass(frozen=True)
class Pick:
    id: str
    ticker: str
    direction: str
    path: str
    score: float
    low_confidence: bool


def read_items(folder: Path = WRITTEN) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in sorted(folder.glob("batch_*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            items.extend(json.loads(line) for line in handle if line.strip())
    return items


def read_verdicts(folder: Path = WRITTEN) -> dict[tuple[str, str, str], dict[str, Any]]:
    path = folder / "verdicts.jsonl"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {(r["id"], r["ticker"], r["direction"]): r for r in rows}


def run_picks(items: list[dict[str, Any]]) -> list[Pick]:
    """The tracker on PYTHONPATH over every item (the current tree, or a baseline's in the worker)."""
    from newsimpact.article import Article
    from newsimpact.pipeline import Pipeline

    pipeline = Pipeline()
    picks: list[Pick] = []
    for item in items:
        published = datetime.fromisoformat(item["date"] + "T09:00:00+09:00")  # the item's date, as a page gives it
        article = Article(
            title=item["title"], paragraphs=item["paragraphs"], language=item["language"], published=published
        )
        report = pipeline.analyze_article(article).tracker
        assert report is not None
        for pick in report.picks:
            path = pick.path if isinstance(pick.path, str) else str(getattr(pick.path, "value", pick.path))
            picks.append(
                Pick(
                    item["id"],
                    pick.ticker,
                    pick.direction,
                    path,
                    float(pick.score),
                    bool(getattr(pick, "low_confidence", False)),
                )
            )
    return picks


def baseline_picks(ref: str, batches: str | None = None) -> list[Pick] | None:
    folder = Path(tempfile.mkdtemp(prefix="newsimpact-written-baseline-"))
    try:
        archive = subprocess.run(["git", "-C", str(REPO), "archive", ref, "src"], capture_output=True, check=True)
    except (subprocess.CalledProcessError, FileNotFoundError):
        print(f"          (no baseline: git revision {ref} is not in this checkout)")
        return None
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    env = {**os.environ, "PYTHONPATH": str(folder / "src")}
    worker = [sys.executable, __file__, "--worker", *(["--batches", batches] if batches else [])]
    done = subprocess.run(worker, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"          baseline run failed: {done.stderr.strip().splitlines()[-1:]}")
        return None
    return [Pick(**row) for row in json.loads(done.stdout.strip().splitlines()[-1])]


def verdict(pick: Pick, item: dict[str, Any], verdicts: dict[tuple[str, str, str], dict[str, Any]]) -> str:
    for expected in item["expected"]:
        if expected["ticker"] == pick.ticker:
            return "right" if expected["direction"] == pick.direction else "wrong"
    if any(n["ticker"] == pick.ticker for n in item["none"]):
        return "wrong"
    read = verdicts.get((pick.id, pick.ticker, pick.direction))
    return str(read["verdict"]) if read else "unjudged"


def figures(
    picks: list[Pick],
    items: list[dict[str, Any]],
    verdicts: dict[tuple[str, str, str], dict[str, Any]],
    kind: str,
    shown_only: bool,
) -> str:
    by_id = {i["id"]: i for i in items if i["kind"] == kind}
    chosen = [p for p in picks if p.id in by_id and not (shown_only and p.low_confidence)]
    counts = Counter(verdict(p, by_id[p.id], verdicts) for p in chosen)
    n = len(chosen)

    def share(label: str) -> str:
        return f"{label} {counts[label] / n:6.1%}" if n else f"{label}    -  "

    must = {
        (i["id"], e["ticker"], e["direction"]) for i in by_id.values() for e in i["expected"] if e["strength"] == "must"
    }
    made = {(p.id, p.ticker, p.direction) for p in chosen}
    quiet = [i for i in by_id.values() if not i["expected"]]
    alarms = sum(1 for i in quiet if any(p.id == i["id"] for p in chosen))
    return (
        f"picks {n:4d}  {share('right')}  {share('weak')}  {share('wrong')}  unjudged {counts['unjudged']:3d}   "
        f"must-recall {len(must & made)}/{len(must)} = {len(must & made) / max(1, len(must)):5.1%}   "
        f"false alarms {alarms}/{len(quiet)} items with nothing expected"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-ref", default=BASELINE_REF, help="git revision of the baseline tracker")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--list", action="store_true", help="print every current pick and missed must-pick")
    parser.add_argument("--batches", help="only these batches, comma-separated prefixes (e.g. tp,tq)")
    args = parser.parse_args()
    items = read_items()
    if args.batches:
        chosen = set(args.batches.split(","))
        items = [i for i in items if i["id"].split("-")[0] in chosen]
    if args.worker:
        print(json.dumps([p.__dict__ for p in run_picks(items)]))
        return
    if not items:
        print(f"skip: no written items in {WRITTEN}")
        return
    verdicts = read_verdicts()
    current = run_picks(items)
    before = None if args.no_baseline else baseline_picks(args.baseline_ref, args.batches)
    kinds = Counter(i["kind"] for i in items)
    batches = sorted({i["id"].split("-")[0] for i in items})
    print(
        f"written blind set: {len(items)} items ({kinds['headline']} headlines, {kinds['article']} articles), {len(verdicts)} read verdicts"
    )
    for batch in batches:
        part = [i for i in items if i["id"].startswith(batch + "-")]
        print(f"batch {batch}: {BATCH_NOTES.get(batch, '')}")
        for kind in ("headline", "article"):
            print(f"  {kind + 's':9s} current : {figures(current, part, verdicts, kind, False)}   (all picks)")
            print(f"            shown   : {figures(current, part, verdicts, kind, True)}   (not low_confidence)")
            if before is not None:
                print(f"            baseline: {figures(before, part, verdicts, kind, False)}   ({args.baseline_ref})")
                print(f"            b. shown: {figures(before, part, verdicts, kind, True)}   ({args.baseline_ref})")
    by_id = {i["id"]: i for i in items}
    by_path = Counter((p.path, verdict(p, by_id[p.id], verdicts)) for p in current)
    print("current picks by path:", dict(sorted(by_path.items())))
    if args.list:
        for p in current:
            item = by_id[p.id]
            text = (item["title"] + " | " if item["title"] else "") + item["paragraphs"][0]
            flag = "low" if p.low_confidence else "SHOWN"
            print(
                f"{verdict(p, item, verdicts):8s} {flag:5s} {p.id} {p.ticker} {p.direction} {p.path} {p.score:.2f} :: {text[:110]}"
            )
        made = {(p.id, p.ticker, p.direction) for p in current}
        for item in items:
            for e in item["expected"]:
                if e["strength"] == "must" and (item["id"], e["ticker"], e["direction"]) not in made:
                    print(
                        f"MISSED   {item['id']} {e['ticker']} {e['direction']} ({e['why']}) :: {item['paragraphs'][0][:100]}"
                    )


if __name__ == "__main__":
    main()
