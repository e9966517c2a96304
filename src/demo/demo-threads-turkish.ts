import type { DemoThread } from './demo-content.js';

// Demo conversations of the International corner, in Turkish: riders in Istanbul helping each other,
// and Maya answering in their language. One reply is typed on a phone without Turkish letters
// ("sarj", "Besiktas"), as many people write.
// Bodies are markdown; multi-line bodies start at column 0 because indentation is meaningful in markdown.

export const turkishThreads: DemoThread[] = [
  {
    category: 'international',
    title: "İstanbul'da şarj istasyonu önerisi",
    author: 'elif_yildiz',
    daysAgo: 30.5,
    solvedBy: 4,
    posts: [
      {
        author: 'elif_yildiz',
        hoursAfterStart: 0,
        body: `Merhaba herkese! Kadıköy'de oturuyorum, Metro M3 ST ile her gün Moda'dan Bostancı'ya sahil yolundan gidip geliyorum. Hafta sonları vapurla Avrupa yakasına geçip uzun turlar atmak istiyorum ama menzil konusunda içim pek rahat değil.

İstanbul'da e-bisiklet şarj edebileceğim bir şarj istasyonu ya da priz veren bir kafe bilen var mı? Özellikle Beşiktaş–Sarıyer hattında. Şarj aletini yanımda taşımaya razıyım, yeter ki takabileceğim bir priz olsun. 🙂`,
      },
      {
        author: 'mert_ozkan',
        hoursAfterStart: 3,
        body: `Sarıyer'e kadar sahilden gidiyorsan Bebek ve Arnavutköy'deki kafelerin çoğu rica edince priz veriyor, ben hep öyle yapıyorum. Bir kahve içene kadar bataryaya epey şarj giriyor, dönüş için fazlasıyla yetiyor.`,
      },
      {
        author: 'burak_can',
        hoursAfterStart: 5,
        body: `Ben de soracaktim. Besiktas'taki Fernwheel bayisinde ucretsiz sarj ettirebiliyorsun diye duydum ama emin degilim, bilen var mi? (telefondan yaziyorum, Turkce karakter yok kusura bakmayin)`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 20,
        body: `Merhaba Elif, güzel soru! İstanbul'da henüz Fernwheel'e ait bir şarj istasyonu yok, ama Burak'ın duyduğu doğru: Beşiktaş'taki yetkili bayimiz ve Kadıköy'deki servis noktamız, Fernwheel kullanıcılarının bataryalarını ücretsiz şarj ediyor. Bir saatlik bir molada bataryanın yaklaşık üçte biri dolar.

Uzun turlar için birkaç öneri daha:

- Dönüş yolunda **Eco** moduna geçmek menzili belirgin şekilde uzatır.
- Lastik basıncını yola çıkmadan önce kontrol edin; düşük basınç menzili sandığınızdan fazla kısaltır.
- Kafede şarj ederken şarj aletini güneşte bırakmayın ve üzerini örtmeyin.

Bayilerimizin adreslerini [bayi haritasında](https://support.fernwheel.example/dealers) bulabilirsiniz.`,
      },
      {
        author: 'elif_yildiz',
        hoursAfterStart: 26,
        body: `Harika, çok teşekkürler! Cumartesi önce Beşiktaş'taki bayiye uğrayıp sonra Sarıyer'e kadar çıkacağım. Dönüşte de Bebek'te kahve + şarj molası 😊`,
      },
    ],
  },
  {
    category: 'international',
    title: 'Cihangir yokuşlarında kalkışta kayış atlıyor',
    author: 'mert_ozkan',
    daysAgo: 16,
    solvedBy: 3,
    markedByStaff: true,
    posts: [
      {
        author: 'mert_ozkan',
        hoursAfterStart: 0,
        body: `Selam arkadaşlar. Cihangir'de oturuyorum, yani her gün dik yokuşlar. Metro M3'üm dört aylık, yaklaşık 1.500 km yaptı.

Son iki haftadır yokuşta durup tekrar kalkarken kayış bazen "tık" diye atlıyor ve pedal bir anlığına boşa düşüyor. Düz yolda hiç olmuyor. Kayış mı esnedi, yoksa bir ayar mı gerekiyor?`,
      },
      {
        author: 'elif_yildiz',
        hoursAfterStart: 2,
        body: `Bende de olmuştu! Kayışın gerginliği düşmüştü. Gates'in ücretsiz bir uygulaması var (Gates Carbon Drive): telefonu kayışa yaklaştırıp kayışı gitar teli gibi çekiyorsun, sesin frekansını ölçüyor. Bayide on dakikada ayarladılar.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 6,
        body: `Elif çok güzel özetlemiş, teşekkürler!

Mert, Metro M3'te doğru gerginlik Gates uygulamasında **35–40 Hz** arasıdır. Kayışlar pratikte esnemez; ilk binlerce kilometrede parçalar yerine oturdukça gerginlik biraz azalabilir, bu normal.

- Ölçtüğünüzde 35 Hz'in altında çıkarsa bayiye uğrayın: ayar birkaç dakika sürer ve ilk yıl ücretsizdir.
- Nexus göbek dururken de vites değiştirebilir. Yokuşta durmadan önce 1. ya da 2. vitese geçerseniz kalkışta hem kayışı hem motoru daha az zorlarsınız.`,
      },
      {
        author: 'mert_ozkan',
        hoursAfterStart: 30,
        replyTo: 3,
        body: `Ölçtüm, 28 Hz çıktı. Dün bayide ayarlattım; bugün Cihangir'den Taksim'e kadar bütün yokuş kalkışlarında tek bir atlama olmadı. İkinize de teşekkürler!`,
      },
    ],
  },
  {
    category: 'international',
    title: 'Ride uygulaması ne zaman Türkçe olacak?',
    author: 'burak_can',
    daysAgo: 9,
    posts: [
      {
        author: 'burak_can',
        hoursAfterStart: 0,
        body: `Merhaba, Fold F20'yi bir aydır kullanıyorum ve çok memnunum. Tek eksik: Ride uygulaması tamamen İngilizce. Ben idare ediyorum ama bisikleti babam da kullanıyor, o "Battery Care", "Assist level" gibi ayarlarda kayboluyor. Türkçe dil desteği planlanıyor mu?`,
      },
      {
        author: 'elif_yildiz',
        hoursAfterStart: 3,
        body: `Katılıyorum, Türkçe olsa çok iyi olurdu. Baban için küçük bir not: en çok kullanacağı şey gidondaki artı/eksi tuşları, uygulamaya pek girmesine gerek yok. Destek seviyesini oradan değiştiriyor, bu kadar.`,
      },
      {
        author: 'maya-fernwheel',
        hoursAfterStart: 20,
        body: `Merhaba Burak, geri bildiriminiz için teşekkürler! Güzel bir haberim var: Ride uygulamasının Türkçe, Arapça ve Çince çevirileri üzerinde çalışıyoruz ve ilk olarak 4.7 sürümüyle gelmelerini planlıyoruz. Tarih kesinleşince burada duyuracağım.

Bu arada bu forumu şimdiden Türkçe kullanabilirsiniz: [hesap ayarlarınızdan](/account) dili Türkçe olarak seçmeniz yeterli.`,
      },
      {
        author: 'burak_can',
        hoursAfterStart: 23,
        body: `Süper haber, teşekkürler! Forumu Türkçeye çevirdim bile, babama da gösterdim. 4.7'yi bekliyoruz.`,
      },
    ],
  },
];
