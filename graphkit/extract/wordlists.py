"""General word lists the extractor uses to tell names from ordinary words.

Everything here is general English or geography — never names of the companies in any data set.
All entries are lower case; callers compare ``word.casefold()``.

Examples
--------
>>> "monday" in DAYS, "china" in PLACES, "chinese" in DEMONYMS, "capital" in INVESTOR_WORDS
(True, True, True, True)
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = _words("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec""")
DAYS = _words("monday tuesday wednesday thursday friday saturday sunday")

# Countries, regions, and large cities: a place is never an organization on its own.
PLACES = _words("""afghanistan albania algeria america americas andorra angola argentina armenia
australia austria azerbaijan bahrain bangladesh belarus belgium bolivia bosnia botswana brazil
britain brunei bulgaria cambodia cameroon canada chile china colombia congo croatia cuba cyprus
czechia denmark ecuador egypt england estonia ethiopia europe finland france georgia germany ghana
greece guatemala hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya korea kuwait laos latvia lebanon libya lithuania luxembourg macau macao madagascar
malaysia mali malta mexico moldova monaco mongolia montenegro morocco mozambique myanmar namibia
nepal netherlands nigeria norway oman pakistan palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia somalia
spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey turkmenistan uganda
ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe asia africa antarctica
arctic oceania eurasia scandinavia balkans caribbean gulf suez sahara siberia tibet xinjiang arabia zealand
beijing shanghai shenzhen guangzhou hangzhou chengdu wuhan nanjing tianjin chongqing xian suzhou
yunnan guangdong zhejiang jiangsu fujian sichuan hubei hunan shandong henan hebei anhui
hong kong tokyo osaka kyoto seoul busan taipei bangkok hanoi jakarta manila delhi mumbai bangalore
bengaluru chennai kolkata hyderabad karachi lahore dhaka dubai doha riyadh tehran baghdad istanbul
ankara cairo lagos nairobi johannesburg london paris berlin munich frankfurt hamburg madrid
barcelona rome milan amsterdam brussels vienna zurich geneva stockholm oslo copenhagen helsinki
dublin lisbon warsaw prague budapest moscow kyiv athens edinburgh manchester york washington boston
chicago seattle austin texas california florida ohio virginia massachusetts colorado oregon
jersey atlanta miami dallas houston denver detroit phoenix philadelphia toronto vancouver montreal
ottawa sydney melbourne brisbane perth auckland wellington sao paulo rio buenos aires lima bogota
santiago mexico silicon valley palo alto cupertino mountain view menlo park san francisco jose
diego los angeles las vegas tel aviv jerusalem haifa abu dhabi geneva luxembourg wall street
north south east west northern southern eastern western central mainland u.s u.k d.c""")

DEMONYMS = _words("""american americans british briton chinese japanese korean indian pakistani
israeli iranian iraqi turkish austrian german french italian spanish portuguese dutch belgian swiss
swedish norwegian danish finnish irish scottish welsh english european asian african russian
ukrainian polish czech hungarian greek egyptian saudi emirati qatari singaporean malaysian
indonesian thai vietnamese filipino taiwanese australian canadian mexican brazilian argentine
chilean colombian nigerian kenyan south-african western eastern arab latin nordic
californian texan parisian londoner""")

# Words that are capitalized only because they start a sentence or stand in a headline.
COMMON_WORDS = _words("""a an the and or but nor so yet for of in on at to by with from into onto
upon over under about above below after before since until while as than that this these those
there here then thus also still even just only not no yes all any some many much more most less
least few each every both either neither other another such same own its it it's they them their
theirs we us our ours you your yours he him his she her hers i me my mine who whom whose which what
when where why how whether if though although because however moreover meanwhile furthermore
instead indeed perhaps maybe yet already now today tonight tomorrow yesterday
is are was were be been being am has have had having do does did done will would shall should can
could may might must need needs ought
said says say told tells tell added adds noted notes according reported reports report reporting
announced announces announce announcing unveiled unveils unveil launched launches launch launching
raised raises raise raising secured secures secure nabs nabbed lands landed scores scored collects
collected closes closed gets got gains gained hits hit backs backed back invests invested invest
investing joins joined join joining leads led lead leading files filed file filing plans planned
plan planning seeks sought seek seeking takes took take taking makes made make making buys bought
buy buying sells sold sell selling hires hired hire wins won win tops topped rises rose falls fell
cuts cut set sets sees saw see looks looked look wants wanted want goes went go going comes came
come calls called call shows showed show offers offered offer bets bet eyes eyed tips tipped
widens widened awarded awards faces faced faces must
new old big bigger biggest small smaller smallest large larger largest top best better good great
high higher highest low lower lowest first second third last next latest early earlier late later
former current recent recently major minor key main leading global local national international
public private open closed full final further fresh huge massive giant strong weak fast faster
fastest cheap cheaper cheapest rapid slow long short two three four five six seven eight nine ten
hundred thousand million billion one
startup startups start-up start-ups company companies firm firms group groups business businesses
giant giants maker makers developer developers provider providers platform platforms operator
investor investors backer backers founder founders cofounder co-founder ceo chief executive
president chairman chairwoman director manager officer analyst analysts official officials
minister ministers spokesman spokeswoman spokesperson head boss partner partners
unicorn unicorns round rounds funding fund funds financing investment investments deal deals stake
stakes shares share stock stocks market markets valuation valuations revenue revenues profit
profits sales growth loss losses ipo listing offering debut
news update updates exclusive breaking opinion analysis editorial photo photos video videos image
images illustration advertisement sponsored related read more learn subscribe sign follow share
copy link email print comment comments newsletter
ai artificial intelligence tech technology technologies data software hardware chip chips cloud
internet web online mobile digital app apps model models search engine engines robot robots
robotics self-driving autonomous car cars vehicle vehicles electric energy oil gas bank banks
insurance health healthcare media game games
why what how who reason reasons way ways time times year years month months week weeks day days
people world government governments state states city country countries industry industries
sector sectors space race war future
mr mrs ms dr sir prof professor st
beyond despite amid amidst among across along against behind besides between within without throughout
toward towards unlike like via except following including regarding concerning around near inside outside
onto off out up down away back again once twice often never always sometimes usually soon later
build builds building built grow grows growing grew grown expand expands expanding expanded hold holds
held keep keeps kept give gives gave given find finds found think thinks thought know knows knew use
uses used using work works worked working help helps helped move moves moved turn turns turned start
starts started begin begins began end ends ended run runs ran bring brings brought pay pays paid
spend spends spent boost boosts boosted slash slashes slashed cut cuts close closes surge surges
surged soar soars soared plunge plunges plunged jump jumps jumped drop drops dropped climb climbs
climbed slump slumps slumped rally rallies warn warns warned urge urges urged vow vows vowed eye eyes
target targets targeted push pushes pushed pull pulls pulled fight fights fought face facing beat
beats tap taps tapped bid bids approve approves approved reject rejects rejected weigh weighs mull
mulls consider considers considered explore explores explored agree agrees agreed deny denies denied
name names named appoint appoints appointed quit quits leave leaves left step steps stepped return
returns returned ask asks asked try tries tried aim aims aimed unveil lands pours pour pours poured
doubles doubled triples tripled hits nears tops reaches reached fuels fuelled fueled powers powered
why how what inside here's what's
money cash billion millions billions deal deals talks merger acquisition acquisitions buyout
chief boss bosses staff workers jobs job layoffs shares price prices rate rates inflation economy
economic financial finance fintech crypto bitcoin climate energy power battery batteries factory
plant plants network networks service services product products customer customers user users
china's us-based new-york rival rivals bid bids
dump dumps dumped shed sheds slip slips slipped slide slides slid sink sinks sank tumble tumbles tumbled
rise rises rising fall falls falling gain gains lose loses losing sees seeing ditch ditches ditched snap
snaps snapped scoop scoops scooped grab grabs grabbed woo woos wooed ink inks inked seal seals sealed
clinch clinches clinched strike strikes struck kick kicks kicked axe axes axed scrap scraps scrapped
probe probes probed sue sues sued fine fines fined ban bans banned block blocks blocked unveils debuts
debut launches rolls roll rolled ships ship shipped opens open opened enters enter entered exits exit
exited picks pick picked taps hires lures lure lured poaches poach courts court eyes bets wagers
stock shares market markets deal deals
existing additional several various undisclosed total further fellow prior previous newcomer newcomers
participant participants co-investor co-investors backer""")
HOLIDAYS = _words("""christmas easter thanksgiving ramadan diwali hanukkah halloween olympics olympic
new-year""")

# Common acronyms and abbreviations that are never an entity on their own.
ACRONYMS = _words("""ai ml ipo ceo cfo cto coo vp us usa uk eu un gmt utc est pst usd eur gbp cny
rmb hkd jpy gdp fdi cdr ipos llm llms gpu gpus cpu api apis saas ev evs ar vr pc tv faq pdf html
etf etfs q1 q2 q3 q4 ok am pm nyse nasdaq a.i 5g 4g 3d""")

# Words that end or mark the name of an investment firm.
INVESTOR_WORDS = _words("""capital ventures venture partners management investment investments
equity advisors advisers investors associates""")
FUND_WORDS = _words("fund funds")
# Words that mark an organization that is neither company nor investor.
ORGANIZATION_HEADS = _words("""university universities ministry department exchange exchanges
commission authority agency council parliament government bureau institute institution school
college court police army navy force forces board federation association union committee
regulator senate congress assembly academy foundation administration office market reserve treasury""")
# Words that end a company name: suffixes and business nouns.
COMPANY_WORDS = _words("""inc incorporated ltd limited co corp corporation company group holding
holdings plc llc lp llp ag sa gmbh nv bv technologies technology systems labs solutions
networks software robotics motors auto automotive airlines airways bank securities telecom telecommunications
electronics energy pharmaceuticals industries enterprises media communications services financial
semiconductor semiconductors""")
# Words that may join the parts of one name ("Ministry of Public Security", "Tiger & Co").
NAME_CONNECTORS = _words("of and & de del der van von da la le du y")

# Titles before a person's name, or after it ("X, chief executive").
PERSON_TITLES = _words("""mr mrs ms miss dr prof professor sir dame lord lady president
chairman chairwoman ceo cfo cto coo founder co-founder cofounder minister secretary senator
governor mayor analyst economist director executive chief officer partner investor
entrepreneur engineer researcher scientist spokesman spokeswoman spokesperson editor reporter
tester designer vice head judge premier chancellor king queen prince princess creator inventor""")

# First names: a capitalized pair starting with one of these is a person.
GIVEN_NAMES = _words("""aaron adam adrian ahmed alan albert alex alexander alexandra alice alicia ali amit ananya anders
andre anton ari arnaud astrid beatriz bruno camila chen clara daniela diego dimitri elena eva fatima
felix florian francesca gabriel giulia hans hiro ingrid ivan jan javier jean jens joao julien kenji
klaus lars lena leila liam lin ling luca lukas marco marcus mateo mei min nadia nina olga omar pablo
pedro pierre priya rafael ravi rosa sakura sara sebastian sergio sofia sven takeshi tariq thiago ursula
valentina wei xin yuki yusuf zara henrik maartje johan erik karin annika bjorn jurgen
stefan tobias niklas emil oskar nils ole kari petra
allen amanda amir amy ana andrea andrew andy angela anil ann anna anne anthony antonio arjun arthur
ashley barbara ben benjamin bernard bill bob brad brian bruce carl carlos carol caroline
catherine charles charlie chris christian christina christine christopher claire colin craig
daniel danielle dave david dean deborah dennis diana diane dmitry donald doug douglas
edward elena elizabeth ellen elon emily emma eric erik evan fei frank fred gary george
gerald gordon grace greg gregory hannah harry helen henry hiroshi howard hugo ian isaac jack
jacob james jamie jane janet jason jeff jeffrey jennifer jensen jeremy jerry jessica jim joe
john johnny jon jonathan jorge jose joseph josh joshua juan julia julie justin karen kate katherine
kathy keith kelly ken kenneth kevin kim kumar larry laura lauren lee leo li linda lisa
louis lucas lucy luis mark martin mary masayoshi maria mario marie marta matt matthew max megan melissa michael michelle miguel mohamed
mike mohammed mukesh mustafa nancy natalie nathan neil nicholas nick nicole noah olivia oliver
omar pamela patrick paul peter philip rachel rahul raj rajesh ralph ratan rebecca richard rick robert roger ron ronald rose ross ryan sam samantha samuel sandra sanjay sarah satya
scott sean sergey sharon shirley simon sophia stephen steve steven stuart sundar susan thomas tim
timothy todd tom tony victor vikram vincent walter wang wayne william xi yang yuri zhang zhou""")

# Words that show a capitalized name is a product, not an actor ("the maker of X", "X, the model").
PRODUCT_NOUNS = _words("""model models chatbot chatbots bot bots system systems software app apps
program platform engine device devices phone phones plane planes aircraft car cars chip chips
network tool tools product products service browser assistant game""")

# Verbs that make the subject in front of them an actor in the story.
ACTOR_VERBS = _words("""said says announced announces earned earns reported posted plans planned
hired hires unveiled unveils launched launches filed files declined declines tweeted told added
continued pointed agreed agrees expects expected warned warns confirmed confirms acquired
acquires bought buys sold sells invested invests raised raises secured secures led leads joined
joins backed backs signed signs won wins lost offered offers opened opens partnered partners
produces produced makes made competes compete raise""")
