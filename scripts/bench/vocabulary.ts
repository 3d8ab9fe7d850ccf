/**
 * Vocabulary of the synthetic corpus, drawn from the five seeds (seeds/*.txt): place names, departments and
 * their subordinate units, duties, reasons and purposes, function classes, glossary entries, people.
 * Data only; the generator (generate.ts) combines it.
 */

/** A district (区/县) with the city (and province) its units are prefixed with. */
export interface DistrictName {
  /** 重庆市 / 四川省成都市. */
  city: string;
  /** 开州区. */
  name: string;
  /** Abbreviation used in document numbers (开州政信发〔2026〕3号, 开州财行发〔2026〕18号). */
  abbr: string;
}

const district = (city: string) => (name: string): DistrictName => ({ city, name, abbr: name.replace(/(区|县)$/, '') });

/**
 * Districts and counties. Only names the ingest can split off a unit name (≤ 6 characters before 区/县):
 * the long autonomous-county names are left out, as their units would all fall back to the city slug.
 */
export const DISTRICTS: DistrictName[] = [
  ...['开州区', '渝中区', '九龙坡区', '万州区', '涪陵区', '大渡口区', '江北区', '沙坪坝区', '南岸区', '北碚区', '綦江区',
    '大足区', '渝北区', '巴南区', '黔江区', '长寿区', '江津区', '合川区', '永川区', '南川区', '璧山区', '铜梁区', '潼南区',
    '荣昌区', '梁平区', '武隆区', '城口县', '丰都县', '垫江县', '忠县', '云阳县', '奉节县', '巫山县', '巫溪县'].map(district('重庆市')),
  ...['锦江区', '青羊区', '金牛区', '武侯区', '成华区', '龙泉驿区', '青白江区', '新都区', '温江区', '双流区', '郫都区', '新津区']
    .map(district('四川省成都市')),
  ...['南明区', '云岩区', '花溪区', '乌当区', '白云区', '观山湖区'].map(district('贵州省贵阳市')),
  ...['五华区', '盘龙区', '官渡区', '西山区', '呈贡区'].map(district('云南省昆明市')),
  // Appended (never inserted above): a corpus takes districts in this order, so a smaller corpus stays the
  // same bytes; these let the generator reach ~54,000 documents (the national projection, BENCHMARKS.md).
  ...['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区'].map(district('湖南省长沙市')),
  ...['江岸区', '江汉区', '硚口区', '汉阳区', '武昌区', '青山区', '洪山区', '东西湖区', '汉南区', '蔡甸区', '江夏区', '黄陂区', '新洲区']
    .map(district('湖北省武汉市')),
  ...['新城区', '碑林区', '莲湖区', '灞桥区', '未央区', '雁塔区', '阎良区', '临潼区', '长安区', '高陵区', '鄠邑区', '蓝田县', '周至县']
    .map(district('陕西省西安市')),
  ...['荔湾区', '越秀区', '海珠区', '天河区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'].map(district('广东省广州市')),
  ...['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '临平区', '钱塘区', '富阳区', '临安区', '桐庐县', '淳安县']
    .map(district('浙江省杭州市')),
  ...['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区'].map(district('江苏省南京市')),
  ...['中原区', '二七区', '金水区', '上街区', '惠济区', '中牟县'].map(district('河南省郑州市')),
  ...['历下区', '槐荫区', '天桥区', '历城区', '长清区', '章丘区', '济阳区', '莱芜区', '钢城区', '平阴县', '商河县'].map(district('山东省济南市')),
];

/** 支出功能分类 类 (class) with typical 款/项 (section/item) codes and names. */
export interface FunctionClass {
  code: string;
  name: string;
  sections: { code: string; name: string; items: { code: string; name: string }[] }[];
}

export const FUNCTION_CLASSES: Record<string, FunctionClass> = {
  general: {
    code: '201', name: '一般公共服务支出', sections: [
      { code: '20103', name: '政府办公厅（室）及相关机构事务', items: [{ code: '2010301', name: '行政运行' }, { code: '2010350', name: '事业运行' }, { code: '2010399', name: '其他政府办公厅（室）及相关机构事务支出' }] },
      { code: '20199', name: '其他一般公共服务支出', items: [{ code: '2019999', name: '其他一般公共服务支出' }] },
    ],
  },
  education: {
    code: '205', name: '教育支出', sections: [
      { code: '20502', name: '普通教育', items: [{ code: '2050201', name: '学前教育' }, { code: '2050202', name: '小学教育' }, { code: '2050203', name: '初中教育' }] },
      { code: '20508', name: '进修及培训', items: [{ code: '2050803', name: '培训支出' }] },
    ],
  },
  science: {
    code: '206', name: '科学技术支出', sections: [{ code: '20604', name: '技术研究与开发', items: [{ code: '2060499', name: '其他技术研究与开发支出' }] }],
  },
  culture: {
    code: '207', name: '文化旅游体育与传媒支出', sections: [{ code: '20701', name: '文化和旅游', items: [{ code: '2070101', name: '行政运行' }, { code: '2070109', name: '群众文化' }] }],
  },
  social: {
    code: '208', name: '社会保障和就业支出', sections: [
      { code: '20805', name: '行政事业单位养老支出', items: [{ code: '2080505', name: '机关事业单位基本养老保险缴费支出' }, { code: '2080506', name: '机关事业单位职业年金缴费支出' }] },
      { code: '20808', name: '抚恤', items: [{ code: '2080801', name: '死亡抚恤' }] },
    ],
  },
  health: {
    code: '210', name: '卫生健康支出', sections: [
      { code: '21011', name: '行政事业单位医疗', items: [{ code: '2101101', name: '行政单位医疗' }, { code: '2101102', name: '事业单位医疗' }, { code: '2101199', name: '其他行政事业单位医疗支出' }] },
    ],
  },
  environment: {
    code: '211', name: '节能环保支出', sections: [{ code: '21103', name: '污染防治', items: [{ code: '2110301', name: '大气' }, { code: '2110302', name: '水体' }] }],
  },
  urban: {
    code: '212', name: '城乡社区支出', sections: [{ code: '21201', name: '城乡社区管理事务', items: [{ code: '2120104', name: '城管执法' }, { code: '2120199', name: '其他城乡社区管理事务支出' }] }],
  },
  agriculture: {
    code: '213', name: '农林水支出', sections: [{ code: '21301', name: '农业农村', items: [{ code: '2130104', name: '事业运行' }, { code: '2130108', name: '病虫害控制' }] }],
  },
  transport: {
    code: '214', name: '交通运输支出', sections: [{ code: '21401', name: '公路水路运输', items: [{ code: '2140104', name: '公路建设' }, { code: '2140106', name: '公路养护' }] }],
  },
  housing: {
    code: '221', name: '住房保障支出', sections: [
      { code: '22102', name: '住房改革支出', items: [{ code: '2210201', name: '住房公积金' }, { code: '2210203', name: '购房补贴' }] },
    ],
  },
  emergency: {
    code: '224', name: '灾害防治及应急管理支出', sections: [{ code: '22401', name: '应急管理事务', items: [{ code: '2240106', name: '安全监管' }] }],
  },
};

export type FunctionKey = keyof typeof FUNCTION_CLASSES;

/** A department topic: the department's name, its main function class, subordinate units and duty phrases. */
export interface Topic {
  /** Department name without the place prefix (教育委员会). */
  department: string;
  /** Main function class of its spending. */
  main: FunctionKey;
  /** Subordinate units (names without place prefix). */
  subordinates: string[];
  /** What the department works on, for duty sentences (教育, 卫生健康…). */
  field: string;
}

export const TOPICS: Topic[] = [
  { department: '人民政府办公室', main: 'general', field: '政务服务', subordinates: ['政务信息中心', '数字化城市运行和治理中心', '机关事务服务中心', '政务服务中心', '电子政务中心'] },
  { department: '发展和改革委员会', main: 'general', field: '发展改革', subordinates: ['价格认证中心', '经济信息中心'] },
  { department: '教育委员会', main: 'education', field: '教育', subordinates: ['教育事业发展中心', '招生考试中心', '教师进修学院', '学生资助管理中心'] },
  { department: '科学技术局', main: 'science', field: '科技', subordinates: ['科技创新服务中心'] },
  { department: '经济和信息化委员会', main: 'general', field: '工业和信息化', subordinates: ['中小企业服务中心'] },
  { department: '民政局', main: 'social', field: '民政', subordinates: ['社会救助服务中心', '婚姻登记中心', '殡葬事务中心'] },
  { department: '司法局', main: 'general', field: '司法行政', subordinates: ['公证处', '法律援助中心'] },
  { department: '财政局', main: 'general', field: '财政', subordinates: ['国库支付中心', '财政投资评审中心'] },
  { department: '人力资源和社会保障局', main: 'social', field: '人力资源和社会保障', subordinates: ['就业和人才中心', '社会保险事务中心', '劳动人事争议仲裁院'] },
  { department: '规划和自然资源局', main: 'general', field: '规划和自然资源', subordinates: ['不动产登记中心', '土地储备中心'] },
  { department: '生态环境局', main: 'environment', field: '生态环境', subordinates: ['生态环境监测站', '生态环境保护综合行政执法支队'] },
  { department: '住房和城乡建设委员会', main: 'urban', field: '住房和城乡建设', subordinates: ['建设工程质量安全监督站', '住房保障中心'] },
  { department: '城市管理局', main: 'urban', field: '城市管理', subordinates: ['城市管理综合行政执法支队', '市政设施管理所', '环境卫生管理所'] },
  { department: '交通局', main: 'transport', field: '交通', subordinates: ['公路事务中心', '交通运输综合行政执法支队'] },
  { department: '水利局', main: 'agriculture', field: '水利', subordinates: ['水利事务中心', '水资源管理站'] },
  { department: '农业农村委员会', main: 'agriculture', field: '农业农村', subordinates: ['农业技术推广中心', '动物疫病预防控制中心', '农业综合行政执法支队'] },
  { department: '林业局', main: 'agriculture', field: '林业', subordinates: ['林业技术推广站', '森林资源管理站'] },
  { department: '商务委员会', main: 'general', field: '商务', subordinates: ['商务发展中心'] },
  { department: '文化和旅游发展委员会', main: 'culture', field: '文化和旅游', subordinates: ['图书馆', '文化馆', '博物馆', '文化市场综合行政执法支队'] },
  { department: '卫生健康委员会', main: 'health', field: '卫生健康', subordinates: ['疾病预防控制中心', '卫生健康综合行政执法支队', '妇幼保健院'] },
  { department: '退役军人事务局', main: 'social', field: '退役军人', subordinates: ['退役军人服务中心', '军队离休退休干部休养所'] },
  { department: '应急管理局', main: 'emergency', field: '应急管理', subordinates: ['应急管理综合行政执法支队', '应急救援指挥中心'] },
  { department: '审计局', main: 'general', field: '审计', subordinates: ['审计信息中心'] },
  { department: '市场监督管理局', main: 'general', field: '市场监管', subordinates: ['食品药品检验所', '质量技术监督所', '消费者权益保护中心'] },
  { department: '统计局', main: 'general', field: '统计', subordinates: ['普查中心', '社情民意调查中心'] },
  { department: '医疗保障局', main: 'health', field: '医疗保障', subordinates: ['医疗保障事务中心'] },
  { department: '体育局', main: 'culture', field: '体育', subordinates: ['体育运动学校', '全民健身中心'] },
  { department: '档案馆', main: 'general', field: '档案', subordinates: [] },
  { department: '机关事务管理局', main: 'general', field: '机关事务', subordinates: ['公共机构节能中心'] },
  { department: '信访办公室', main: 'general', field: '信访', subordinates: ['人民来访接待中心'] },
  { department: '融媒体中心', main: 'culture', field: '新闻宣传', subordinates: [] },
  { department: '供销合作社联合社', main: 'agriculture', field: '供销合作', subordinates: [] },
  { department: '残疾人联合会', main: 'social', field: '残疾人', subordinates: ['残疾人康复中心', '残疾人就业服务所'] },
  { department: '总工会', main: 'general', field: '工会', subordinates: ['职工服务中心'] },
  { department: '妇女联合会', main: 'general', field: '妇女儿童', subordinates: [] },
  { department: '科学技术协会', main: 'science', field: '科普', subordinates: ['科技馆'] },
  { department: '投资促进中心', main: 'general', field: '投资促进', subordinates: [] },
  { department: '大数据发展局', main: 'general', field: '大数据', subordinates: ['大数据应用发展中心'] },
  { department: '公共资源交易中心', main: 'general', field: '公共资源交易', subordinates: [] },
  { department: '地方志办公室', main: 'general', field: '地方志', subordinates: [] },
];

/** Duty sentences; `{f}` is the topic's field, `{u}` the unit's short name. */
export const DUTY_TEMPLATES = [
  '贯彻执行国家和市有关{f}工作的法律法规和方针政策，拟订全区{f}发展规划并组织实施。',
  '负责全区{f}工作的统筹协调、指导监督和考核评价。',
  '负责{f}领域重大项目的审核和管理，推动{f}事业高质量发展。',
  '承担{f}领域行政审批服务事项的受理、办理和相关事务性工作。',
  '负责{f}信息化建设，推进{f}数据的归集、共享和开发利用。',
  '负责突发事件和紧急事项的信息收集、研判和上报工作。',
  '负责{f}领域安全生产和应急处置的有关工作。',
  '组织开展{f}领域的调查研究、宣传培训和业务指导。',
  '负责{u}的机关党建、人事、财务、资产和后勤保障等工作。',
  '负责受理、交办、督办企业群众反映的{f}事项。',
  '协助主管部门做好{f}领域的监督检查和综合执法工作。',
  '负责本级{f}资金的预算编制、执行和绩效管理工作。',
  '参与区委区政府相关政务值班工作，负责本系统值班值守。',
  '完成上级交办的其他工作。',
];

/** Internal divisions (内设科室). */
export const DIVISIONS = [
  '综合科', '办公室', '政工财务科', '规划发展科', '政策法规科', '业务指导科', '信息科', '监督检查科', '技术保障科',
  '运行调度科', '数据治理科', '应用贯通科', '基层指导科', '宣传科', '行政审批科', '执法监督科', '安全管理科', '项目管理科',
];

/** Reasons for a change in basic spending (基本支出). */
export const BASIC_UP_REASONS = [
  '人员净增和职级晋升相应增加的工资福利支出等', '调标相应增加的工资福利支出等', '新招录人员等', '人员职级及社保基数调整',
  '新进在职人员相关经费', '社会保险缴费基数调整',
];
export const BASIC_DOWN_REASONS = ['在职人员调出，相关经费减少', '退休人员增加，在职人员经费相应减少', '厉行节约压减日常公用经费'];
export const PROJECT_UP_REASONS = [
  '增加政务服务大厅综窗人员和电子政务办公平台等保测评服务等', '增加了专项工作经费', '新增信息化建设项目', '新增重点工作任务经费',
];
export const PROJECT_DOWN_REASONS = ['厉行节约减少经费开支', '部分项目已完成，相应减少经费', '按财政要求压减一般性支出'];
export const BASIC_PURPOSES = [
  '保障在职人员工资福利和商品服务支出等', '保障在职人员工资福利及社会保险缴费等',
  '保障在职人员工资福利及社会保险缴费，保障部门正常运转的各项商品服务支出',
];
export const PROJECT_PURPOSES = [
  '政务服务等重点工作', '值班调度与网站维护等工作', '保障电子政务平台建设、维修维护、政务新媒体管理、政务公开等重点工作经费',
  '{f}领域重点项目', '{f}专项工作及信息化运行维护',
];
export const INCOME_REASONS = ['一般公共预算拨款', '基本支出经费拨款', '项目支出经费拨款'];
export const THREE_PUBLIC_DOWN_REASONS = ['进一步压缩“三公”支出，确保办公运行正常支出', '厉行节约，严格压减“三公”经费支出'];
export const THREE_PUBLIC_UP_REASONS = ['因工作需要，公务接待任务增加', '因工作需要，新增公务用车'];
export const OPERATING_PURPOSES = '办公费、印刷费、邮电费、水电费、物管费、差旅费、会议费、培训费及其他商品和服务支出等';

/** 专业性名词解释: the five every seed has, then seed 003's account names. */
export const GLOSSARY: { term: string; definition: string }[] = [
  { term: '财政拨款收入', definition: '指本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款和政府性基金预算财政拨款。' },
  { term: '其他收入', definition: '指单位取得的除“财政拨款收入”、“事业收入”、“经营收入”等以外的收入。' },
  { term: '基本支出', definition: '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。' },
  { term: '项目支出', definition: '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。' },
  {
    term: '“三公”经费',
    definition: '指用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费、公务接待费。其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务用车购置费反映单位公务用车购置支出（含车辆购置税）；公务用车运行维护费反映单位按规定保留的公务用车燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
  },
  { term: '行政运行', definition: '反映行政单位(包括实行公务员管理的事业单位)的基本支出。' },
  { term: '一般行政管理事务', definition: '反映行政单位（包括实行公务员管理的事业单位）未单独设置项级科目的其他项目支出。' },
  { term: '事业运行', definition: '反映事业单位的基本支出，不包括行政单位（包括实行公务员管理的事业单位）后勤服务中心、医务室等附属事业单位。' },
  { term: '机关事业单位基本养老保险缴费支出', definition: '反映机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。' },
  { term: '机关事业单位职业年金缴费支出', definition: '反映机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出（含职业年金补记支出）。' },
  { term: '行政单位医疗', definition: '反映财政部门安排的行政单位基本医疗保险缴费经费，未参加医疗保险的行政单位的公费医疗经费。' },
  { term: '事业单位医疗', definition: '反映财政部门安排的事业单位基本医疗保险缴费经费，未参加医疗保险的事业单位的公费医疗经费。' },
  { term: '住房公积金', definition: '反映行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。' },
  { term: '购房补贴', definition: '反映按房改政策规定，行政事业单位向符合条件职工（含离退休人员）发放的用于购买住房的补贴。' },
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏冲馨庆婷岗骥发蕾琳晨浩宇轩然博文欣怡佳琪雪梅建国志兵海波';

/** Numerals for （一）… headings. */
export const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
