/**
 * 本站解释: a plain definition, written for this site, of every term its pages link — the 支出功能分类 类
 * and common 款/项, the 经济分类 科目 the tables print, income sources, 基本/项目支出, 机关运行经费, 政府采购
 * and the “三公” items. Meanings follow 《政府收支分类科目》 and the 财政部 rules for 部门预算公开; the
 * wording is ours and plain. Shown on /glossary/ beside the documents' own definitions (which stay the
 * authority for each document), and as the tooltip of a term no document explains.
 *
 * Keyed by `normalizeTerm` (quotes and spaces removed, full-width ASCII folded). One dictionary: Chinese
 * text is written here once.
 */
import { normalizeTerm } from './glossary.ts';

/** Which group of the glossary page a site-only term belongs to. */
export type PlainCategory = 'budget' | 'function' | 'economic';

interface PlainEntry {
  term: string;
  category: PlainCategory;
  /** 科目编码 where the term is a 科目. */
  code?: string;
  text: string;
}

const ENTRIES: readonly PlainEntry[] = [
  // 收入来源
  { term: '财政拨款收入', category: 'budget', text: '单位从同级财政部门取得的拨款，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。是大多数行政事业单位最主要的收入来源。' },
  { term: '一般公共预算拨款', category: 'budget', text: '财政用税收等一般性收入安排给单位的拨款，用于保障单位运转和履行职责，是财政拨款的主体。' },
  { term: '政府性基金预算拨款', category: 'budget', text: '财政从依法征收的政府性基金（如国有土地使用权出让收入）中安排给单位的拨款，只能用于规定的用途，专款专用。' },
  { term: '国有资本经营预算拨款', category: 'budget', text: '财政从国有企业上缴的利润等国有资本收益中安排给单位的拨款，主要用于国有企业改革发展等规定用途。' },
  { term: '事业收入', category: 'budget', text: '事业单位开展专业业务活动及辅助活动依法取得的收入，如按规定收取的服务费。' },
  { term: '事业单位经营收入', category: 'budget', text: '事业单位在专业业务活动及辅助活动之外开展非独立核算的经营活动取得的收入。' },
  { term: '上级补助收入', category: 'budget', text: '事业单位从主管部门或上级单位取得的非财政拨款收入。' },
  { term: '附属单位上缴收入', category: 'budget', text: '单位的附属独立核算单位按规定上缴给本单位的收入。' },
  { term: '其他收入', category: 'budget', text: '除上述各类收入以外的收入，如存款利息、捐赠收入等。' },
  // 支出的两大类
  { term: '基本支出', category: 'budget', text: '保障单位正常运转的支出：人员经费（工资、津贴补贴、社会保险缴费等）和日常公用经费（办公、水电、差旅、维修等）。人员越多、机构越大，基本支出通常越多。' },
  { term: '项目支出', category: 'budget', text: '单位为完成特定工作任务或事业发展目标，在基本支出之外安排的支出，按项目逐个申报、审核和考核绩效，如信息系统建设运维、专项业务经费等。' },
  { term: '机关运行经费', category: 'budget', text: '行政单位（含参照公务员法管理的事业单位）为保障机构运行，用一般公共预算拨款安排的购买货物和服务的资金，如办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、办公用房水电费和物业管理费、公务用车运行维护费等。其他事业单位一般不在统计范围之内。' },
  { term: '政府采购', category: 'budget', text: '单位使用财政性资金购买依法制定的集中采购目录以内的、或者采购限额标准以上的货物、工程和服务。预算中列出的是计划采购的金额，按货物、工程、服务分类。' },
  // “三公”经费
  { term: '三公经费', category: 'budget', text: '用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费三项支出的合称。因社会关注度高，部门预算公开须单独列出并说明增减原因。' },
  { term: '因公出国（境）费', category: 'budget', text: '单位工作人员公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出。' },
  { term: '公务接待费', category: 'budget', text: '单位按规定开支的各类公务接待（含外宾接待）支出，如工作餐、住宿等。' },
  { term: '公务用车购置及运行维护费', category: 'budget', text: '公务用车购置费和公务用车运行维护费的合计。' },
  { term: '公务用车购置费', category: 'budget', text: '单位购置公务用车的支出（含车辆购置税、牌照费）。' },
  { term: '公务用车运行维护费', category: 'budget', text: '单位公务用车的燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出。' },
  // 常见的项
  { term: '行政运行', category: 'function', text: '行政单位（包括实行公务员管理的事业单位）维持基本运转的支出，主要是人员工资和日常办公开支。' },
  { term: '一般行政管理事务', category: 'function', text: '行政单位未单独设置项级科目的其他日常事务性支出，多为专项工作经费。' },
  { term: '事业运行', category: 'function', code: '2010350', text: '所属事业单位维持基本运转的支出，主要是人员工资和日常公用开支。' },
  { term: '行政单位离退休', category: 'function', text: '行政单位（包括实行公务员管理的事业单位）开支的离退休人员离退休费和相关经费。' },
  { term: '事业单位离退休', category: 'function', text: '事业单位开支的离退休人员离退休费和相关经费。' },
  { term: '死亡抚恤', category: 'function', text: '按规定发给烈士和牺牲、病故人员家属的抚恤金和丧葬补助费。' },
  { term: '行政单位医疗', category: 'function', text: '行政单位（包括实行公务员管理的事业单位）职工和离退休人员的基本医疗保险缴费和医疗补助支出。' },
  { term: '其他一般公共服务支出', category: 'function', text: '一般公共服务中未列入其他款级科目的支出。' },
  // 支出功能分类：类
  { term: '一般公共服务支出', category: 'function', code: '201', text: '政府提供基本公共管理与服务的支出：人大、政协、政府办公厅（室）、发展改革、财政、税务、统计、人事、纪检监察、档案、信访等机关和单位的运行和履职经费。政府办公厅（室）、政务服务和电子政务等单位的大部分支出都在这一类。' },
  { term: '外交支出', category: 'function', code: '202', text: '政府外交事务方面的支出。' },
  { term: '国防支出', category: 'function', code: '203', text: '国防建设、国防动员、民兵等方面的支出。' },
  { term: '公共安全支出', category: 'function', code: '204', text: '公安、检察、法院、司法、武装警察等维护公共安全方面的支出。' },
  { term: '教育支出', category: 'function', code: '205', text: '各类学校教育、职业教育、成人教育、教师进修和干部继续教育等方面的支出。' },
  { term: '科学技术支出', category: 'function', code: '206', text: '科学研究、技术研究与开发、科技条件与服务、科学技术普及等方面的支出。' },
  { term: '文化旅游体育与传媒支出', category: 'function', code: '207', text: '文化、文物、体育、旅游、新闻出版、广播电视等方面的支出。' },
  { term: '社会保障和就业支出', category: 'function', code: '208', text: '社会保险、就业、社会福利和救助、抚恤等方面的支出。对一般单位而言，主要是为职工缴纳的养老保险和职业年金，以及离退休人员的费用（“行政事业单位养老支出”）。' },
  { term: '卫生健康支出', category: 'function', code: '210', text: '医疗卫生、公共卫生、医疗保障等方面的支出。对一般单位而言，主要是为职工缴纳的医疗保险和医疗补助（“行政事业单位医疗”）。' },
  { term: '节能环保支出', category: 'function', code: '211', text: '环境保护、污染防治、生态保护、节能减排等方面的支出。' },
  { term: '城乡社区支出', category: 'function', code: '212', text: '城乡社区管理、规划、公共设施、环境卫生等方面的支出。' },
  { term: '农林水支出', category: 'function', code: '213', text: '农业农村、林业草原、水利、巩固脱贫攻坚成果和乡村振兴等方面的支出。' },
  { term: '交通运输支出', category: 'function', code: '214', text: '公路、水路、铁路、民航等交通运输方面的支出。' },
  { term: '住房保障支出', category: 'function', code: '221', text: '保障性安居工程和住房改革方面的支出。对一般单位而言，主要是按规定为职工缴存的住房公积金和发放的购房补贴（“住房改革支出”）。' },
  // 支出功能分类：常见的款和项
  { term: '政府办公厅(室)及相关机构事务', category: 'function', code: '20103', text: '各级政府办公厅（室）及相关机构的支出，包括机关的行政运行、一般行政管理事务、机关服务、信访、专项业务，以及所属事业单位的事业运行等。' },
  { term: '其他政府办公厅(室)及相关机构事务支出', category: 'function', code: '2010399', text: '政府办公厅（室）及相关机构事务中未列入其他项级科目的支出，多为未单列科目的专项工作经费。' },
  { term: '行政事业单位养老支出', category: 'function', code: '20805', text: '行政事业单位为职工缴纳基本养老保险费和职业年金，以及支付离退休人员费用的支出。' },
  { term: '机关事业单位基本养老保险缴费支出', category: 'function', code: '2080505', text: '机关事业单位按规定为职工缴纳基本养老保险费的支出。' },
  { term: '机关事业单位职业年金缴费支出', category: 'function', code: '2080506', text: '机关事业单位按规定为职工缴纳职业年金（补充养老保险）的支出。' },
  { term: '行政事业单位医疗', category: 'function', code: '21011', text: '行政事业单位为职工和离退休人员缴纳基本医疗保险费和支付医疗补助的支出。' },
  { term: '事业单位医疗', category: 'function', code: '2101102', text: '事业单位为职工缴纳基本医疗保险费和支付医疗补助的支出。' },
  { term: '其他行政事业单位医疗支出', category: 'function', code: '2101199', text: '行政事业单位医疗方面未列入其他项级科目的支出。' },
  { term: '住房改革支出', category: 'function', code: '22102', text: '按住房制度改革政策为职工缴存住房公积金、发放提租补贴和购房补贴的支出。' },
  { term: '住房公积金', category: 'function', code: '2210201', text: '单位按规定比例为职工缴存的住房公积金。' },
  { term: '购房补贴', category: 'function', code: '2210203', text: '按住房制度改革政策发放给符合条件职工的住房货币化补贴。' },
  // 支出经济分类
  { term: '工资福利支出', category: 'economic', code: '301', text: '单位在职职工和编制外长期聘用人员的各类劳动报酬，以及为他们缴纳的社会保险费、住房公积金等。' },
  { term: '商品和服务支出', category: 'economic', code: '302', text: '单位购买商品和服务的支出，如办公、水电、物业、维修、租赁、委托业务、差旅、会议、培训等，不含购置固定资产。' },
  { term: '对事业单位经常性补助', category: 'economic', code: '505', text: '政府预算支出经济分类科目：财政对事业单位的经常性补助，按用途再分为工资福利支出、商品和服务支出等。' },
  { term: '基本工资', category: 'economic', code: '30101', text: '按国家规定发放的基本工资，如公务员的职务工资和级别工资、事业单位人员的岗位工资和薪级工资。' },
  { term: '津贴补贴', category: 'economic', code: '30102', text: '按国家规定发放的各类津贴和补贴，如地区附加津贴、岗位津贴等。' },
  { term: '伙食补助费', category: 'economic', code: '30106', text: '单位按规定发给职工的伙食补助，如误餐补助。' },
  { term: '绩效工资', category: 'economic', code: '30107', text: '事业单位按规定发放给工作人员的绩效工资。' },
  { term: '机关事业单位基本养老保险缴费', category: 'economic', code: '30108', text: '单位为职工缴纳的基本养老保险费。' },
  { term: '职业年金缴费', category: 'economic', code: '30109', text: '单位为职工缴纳的职业年金，是机关事业单位的补充养老保险。' },
  { term: '职工基本医疗保险缴费', category: 'economic', code: '30110', text: '单位为职工缴纳的基本医疗保险费。' },
  { term: '其他社会保障缴费', category: 'economic', code: '30112', text: '单位为职工缴纳的失业、工伤、生育等其他社会保险费。' },
  { term: '医疗费', category: 'economic', code: '30114', text: '未参加职工基本医疗保险人员的医疗费，以及参保人员在医疗保险基金支付范围之外、按规定由单位负担的医疗补助。' },
  { term: '其他工资福利支出', category: 'economic', code: '30199', text: '上述科目没有包括的人员支出，如加班工资、编制外长期聘用人员的劳务报酬和社会保险费、公务交通补贴等。' },
  { term: '办公费', category: 'economic', code: '30201', text: '日常办公用品、书报杂志等的支出。' },
  { term: '印刷费', category: 'economic', code: '30202', text: '印刷、复印文件资料等的支出。' },
  { term: '电费', category: 'economic', code: '30206', text: '办公场所、机房等的用电支出。' },
  { term: '邮电费', category: 'economic', code: '30207', text: '邮寄、电话、网络通信等的支出。' },
  { term: '物业管理费', category: 'economic', code: '30209', text: '办公用房的物业管理支出，如保安、保洁、绿化、设施设备运行维护。' },
  { term: '维修(护)费', category: 'economic', code: '30213', text: '日常开支的固定资产（不含车辆）维修和维护费用，如办公设备、网络设备的维修。' },
  { term: '租赁费', category: 'economic', code: '30214', text: '租用办公用房、机房、网络线路、设备等（不含车辆）的费用。' },
  { term: '培训费', category: 'economic', code: '30216', text: '单位组织或参加各类培训的支出。' },
  { term: '劳务费', category: 'economic', code: '30226', text: '支付给其他单位和个人的劳务报酬，如临时用工、咨询评审、翻译、稿酬等。' },
  { term: '委托业务费', category: 'economic', code: '30227', text: '委托外单位（如软件开发、系统运维、咨询机构）办理业务而支付的费用。' },
  { term: '工会经费', category: 'economic', code: '30228', text: '单位按规定提取或安排、拨交工会的经费。' },
  { term: '其他商品和服务支出', category: 'economic', code: '30299', text: '上述科目没有包括的日常公用支出。' },
];

const BY_KEY = new Map(ENTRIES.map((e) => [normalizeTerm(e.term), e]));

/** This site's plain definition of a term (any spelling `normalizeTerm` folds to the same key), or null. */
export function plainDefinition(term: string): string | null {
  return BY_KEY.get(normalizeTerm(term))?.text ?? null;
}

/** Every term of the dictionary, for the glossary page's terms no document uses yet. */
export function plainTerms(): ReadonlyArray<{ key: string; term: string; category: PlainCategory; code: string | null; text: string }> {
  return ENTRIES.map((e) => ({ key: normalizeTerm(e.term), term: e.term, category: e.category, code: e.code ?? null, text: e.text }));
}
