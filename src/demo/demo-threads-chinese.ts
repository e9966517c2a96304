import type { DemoThread } from './demo-content.js';

// Demo conversations of the International corner, in Simplified Chinese: customers in Hangzhou and
// Shenzhen, chen_wei helping in his first language, and Maya answering in theirs.
// Bodies are markdown; multi-line bodies start at column 0 because indentation is meaningful in markdown.

export const chineseThreads: DemoThread[] = [
  {
    category: 'international',
    title: '华为手机装不了 Ride App，还有别的下载方式吗？',
    author: 'zhao_lei',
    daysAgo: 55,
    solvedBy: 2,
    posts: [
      {
        author: 'zhao_lei',
        hoursAfterStart: 0,
        body: `刚入手一台 Fold F20，想用 Ride App 看电量、升级固件。问题是我用的是华为手机，没有 Google Play，华为应用市场里也搜不到 Fernwheel Ride。网上倒是能搜到一些 APK 安装包，但来路不明，不太敢装。请问大家都是怎么装的？`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 2,
        body: `我也是华为，之前踩过同样的坑。官方支持页面上就有 APK 下载，千万别去第三方网站下。安装时系统会提示“外部来源应用”，允许一次就行，装完可以再把这个权限关掉。`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 6,
        body: `谢谢 @chen_wei 的解答！补充一下官方下载地址：[Ride App 安卓版](https://support.fernwheel.example/app/android)。页面上列出了安装包的 SHA-256 校验值，下载后可以核对一下，确保文件没有被改动过。

另外提醒一句：升级固件时最好插着充电器，手机放在显示屏一米以内，并让 App 一直停留在前台，这样最稳妥。`,
      },
      {
        author: 'zhao_lei',
        hoursAfterStart: 9,
        body: `装好了，校验值也对得上。按 Maya 说的插着充电器升级，十分钟左右就升到了最新版。谢谢两位！`,
      },
    ],
  },
  {
    category: 'international',
    title: '充电器坏了，能先用网上买的通用充电器吗？',
    author: 'lin_xiaoyu',
    daysAgo: 35,
    solvedBy: 3,
    posts: [
      {
        author: 'lin_xiaoyu',
        hoursAfterStart: 0,
        body: `大家好，我的电动自行车充电器坏了，插上电以后指示灯一点反应都没有，换了几个插座也一样。车是 Metro M3，去年九月买的，充电器就是随车送的 FC-4。

想请教两个问题：

1. 网上有很多便宜的通用锂电池充电器，参数看着差不多，能不能先买一个凑合用？
2. 电池续航怎么样？我平时通勤单程 18 公里，用 Normal 模式，一块电能撑三天左右。最近天冷了，好像只够两天，是电池不行了吗？

先谢谢大家！`,
      },
      {
        author: 'chen_wei',
        hoursAfterStart: 2,
        body: `千万别用通用充电器。FC-4 充电时会和电池的管理系统通信，电池太冷或太热它会自动停充；通用充电器没有这层保护，轻则充不满，重则伤电池，而且用非原装充电器出了问题是不保修的。

续航的事不用太担心：锂电池怕冷，冬天续航少两三成很正常，天暖和了就回来了。记得把电池拿到室内充，别在零度以下充电。`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 9,
        body: `晓雨你好，我是社区经理 Maya。@chen_wei 说得没错，请一定不要用通用充电器。

**充电器：** 先排除一下线和插头的问题：把充电器两头都拔掉，等 30 秒再插上。如果指示灯还是完全不亮，那就是充电器本身坏了。FC-4 保修两年，你的车买了不到两年，可以免费更换。请带上购买凭证去买车的经销商那里，或者通过[客服页面](https://support.fernwheel.example/contact)联系我们（订单号请不要发在论坛上）。

**续航：** 冬天续航变短是正常现象，不代表电池坏了。想确认的话，可以在 Ride App 里打开 *Bike → Battery → Health*，这里显示的是电池现在的容量相当于新电池的百分之多少。用了一年多，一般在 95% 左右。`,
      },
      {
        author: 'lin_xiaoyu',
        hoursAfterStart: 26,
        body: `谢谢 Maya 和 chen_wei！拔了重插还是不亮，已经约了经销商周六去换新的。Health 显示 96%，这下放心了。这几天先骑普通自行车上班，正好锻炼一下 😂`,
      },
    ],
  },
  {
    category: 'international',
    title: 'Fold F20 通勤一个多月，说说优点和槽点',
    author: 'zhao_lei',
    daysAgo: 4,
    posts: [
      {
        author: 'zhao_lei',
        hoursAfterStart: 0,
        body: `坐标深圳，Fold F20 骑了一个多月，每天单程 9 公里。写点真实感受，给还在犹豫的朋友参考。

**优点：**

- 电池可以从后货架里抽出来。我们小区不让电动自行车进电梯，也不许在楼道里充电，我每天把电池拎回家充，车锁在楼下车棚就行。
- 续航够用：Eco 模式一周充一次，Normal 大概四天一充。
- 折起来能塞进后备箱，周末带去深圳湾骑一圈。

**槽点：**

- 20 寸小轮，过减速带和坑洼的时候颠得比较厉害。
- Beacon Mini 显示屏在大太阳底下有点看不清。`,
      },
      {
        author: 'lin_xiaoyu',
        hoursAfterStart: 5,
        body: `电池能拆真的太重要了，我们杭州这边的小区也一样，电动自行车一律不准上楼。想问一下，Fold 的电池拆装方便吗？每天拿上拿下会不会很麻烦？`,
      },
      {
        author: 'zhao_lei',
        hoursAfterStart: 7,
        replyTo: 2,
        body: `很方便。钥匙一拧，电池往后一抽就出来了；装回去的时候推到底，听到“咔嗒”两声就锁好了。电池两公斤出头，拎着不累。`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 22,
        body: `谢谢分享，写得很实在！针对两个槽点说一下：

- **显示屏：** 在 Ride App 里把 Beacon Mini 的亮度设成“自动”（*Bike → Display → Brightness*），强光下会自动调到最亮。
- **颠簸：** 胎压可以稍微放低一点，只要不低于轮胎侧面标注的最低值，过减速带会舒服不少。

另外提醒一下拎电池回家充电的朋友：请在通风的地方充，远离沙发、窗帘这类易燃物。`,
      },
    ],
  },
];
