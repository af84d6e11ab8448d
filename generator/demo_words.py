"""The pieces of real service language the demo data (`kb demo`, generator/synthetic.py and
each kind's demo hook in generator/kinds/) is assembled from: Chinese with English terms,
alarm codes, parameters, names and places.
"""

from __future__ import annotations

import datetime as dt

END = dt.date(2026, 11, 20)
PRODUCTS = [
    ("hx-200", "HX-200 液压站"),
    ("hx-400", "HX-400 液压站"),
    ("vmc-850", "VMC-850 立式加工中心"),
    ("vmc-1160", "VMC-1160 立式加工中心"),
    ("sc-75", "SC-75 螺杆空压机"),
    ("sc-132", "SC-132 螺杆空压机"),
    ("im-280", "IM-280 注塑机"),
    ("im-450", "IM-450 注塑机"),
    ("sd-3", "SD-3 伺服驱动器"),
    ("cc-500", "CC-500 PLC 控制柜"),
    ("ad-30", "AD-30 冷冻式干燥机"),
    ("lc-60", "LC-60 激光切割机"),
]
SKILLS = [
    ("hydraulics", "液压系统"),
    ("electrical", "电气控制"),
    ("plc", "PLC 与 HMI"),
    ("servo", "伺服与变频"),
    ("cnc", "数控系统"),
    ("mechanical", "机械装调"),
    ("pneumatics", "压缩空气系统"),
    ("moulding", "注塑工艺"),
    ("laser", "激光与光路"),
    ("communication", "客户沟通"),
    ("spare-parts", "备件管理"),
    ("networking", "工业网络"),
]
AWARD_KINDS = [
    ("excellent-service", "优秀服务工程师"),
    ("service-star", "服务之星"),
    ("model-worker", "劳动模范"),
    ("advanced-worker", "先进工作者"),
    ("knowledge-contest", "服务知识竞赛"),
    ("skills-contest", "技能比武"),
]
CITIES = ["华东", "华南", "华北", "西南", "华中", "西北", "东北", "苏南", "浙北", "珠三角", "京津", "成渝"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉波斌宇浩凯健俊帆帅旭宁龙林欣悦晨阳思雨婷雪琳晶颖佳"
COMPONENTS = [
    "比例溢流阀",
    "电磁换向阀",
    "主泵",
    "压力传感器",
    "编码器电缆",
    "接触器",
    "冷却风扇",
    "油冷却器",
    "进气阀",
    "最小压力阀",
    "油分芯",
    "温控阀",
    "主轴拉刀碟簧",
    "润滑泵",
    "伺服电机",
    "制动电阻",
    "IO 模块",
    "交换机",
    "安全继电器",
    "加热圈",
    "热电偶",
    "螺杆止逆环",
    "排水阀",
    "冷凝器",
    "激光器水冷机",
    "保护镜片",
    "刀库机械手",
]
SYMPTOMS = [
    "压力上不去",
    "油温越来越高",
    "一开机就报警",
    "运行一阵子就停机",
    "声音特别大",
    "时好时坏",
    "动作很慢",
    "数值乱跳",
    "启动就跳闸",
    "漏油",
    "通讯中断",
    "尺寸不稳",
    "产品打不满",
    "排气带油",
    "出口有水",
    "切不透",
]
CAUSES = [
    "{c}磨损，内泄增大",
    "{c}接线端子松动，接触不良",
    "{c}脏堵，流量不足",
    "{c}参数被改动，与出厂值不一致",
    "{c}老化损坏",
    "{c}选型偏小，长期过载",
    "现场电源电压波动，{c}误动作",
    "{c}安装不当，受力不均",
]
STEPS = [
    "确认报警记录和发生时间，与客户核对工况",
    "测量{c}相关的压力、温度和电流，记录数据",
    "断电上锁挂牌后拆检{c}",
    "更换{c}（备件号 {part}），按手册力矩紧固",
    "恢复参数 {param} = {value}，保存并重启",
    "清洗滤网并更换液压油/润滑油",
    "空载试机 30 min，再带载试机 2 h，数据正常",
    "向客户说明原因，建议纳入点检表每月检查",
]
ENGLISH = [
    "Checked the firmware version v{v} and the parameter backup.",
    "Replaced the {e} and verified the readings on the HMI.",
    "Root cause confirmed with the supplier's application note.",
    "Customer signed off the service report.",
]
ENGLISH_PARTS = ["encoder cable", "pressure sensor", "cooling fan", "contactor", "IO module", "proportional valve"]
