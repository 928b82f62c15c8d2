// Bahasa Indonesia first, English second. Every label comes from here; every date and number is formatted by Intl
// in the chosen language ("21 April 2022", "3,31"). The choice is remembered in localStorage.

const KEY = 'kotacerdas.console.lang';
export const LANGUAGES = ['id', 'en'];
let lang = LANGUAGES.includes(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : 'id';

export function language() { return lang; }

export function setLanguage(next) {
  lang = LANGUAGES.includes(next) ? next : 'id';
  localStorage.setItem(KEY, lang);
  document.documentElement.lang = lang;
}
document.documentElement.lang = lang;

const LOCALE = { id: 'id-ID', en: 'en-GB' };

const TEXT = {
  id: {
    skip: 'Langsung ke isi', loading: 'Memuat…', menu: 'Menu', language: 'Bahasa', signIn: 'Masuk', signOut: 'Keluar',
    signedInAs: 'Masuk sebagai', home: 'Beranda', nasional: 'Nasional', kohort: 'Kohort', daerah: 'Daerah', monev: 'Monev',
    title: 'Gerakan Menuju Kota Cerdas',
    tagline: 'Konsol program: di mana setiap daerah berada, bagaimana setiap kohort berjalan, dan kisah setiap daerah — langsung dari API publik.',
    landingSignIn: 'Masuk dengan akun Keycloak Anda untuk melihat peta nasional, kohort, daerah dan monev. Setiap halaman menampilkan persis apa yang boleh Anda lihat menurut API.',
    documents: 'Dokumen API dan peristiwa', swagger: 'Swagger UI (mencoba API)', openapi: 'Dokumen OpenAPI gabungan',
    events: 'Katalog peristiwa (AsyncAPI, skema JSON)', health: 'Kesiapan layanan',
    pagesIntro: 'Halaman konsol', needSignIn: 'Halaman ini membaca API dengan token Anda. Silakan masuk terlebih dahulu.',
    forbidden: 'API tidak mengizinkan Anda melihat ini (403).', unauthorized: 'Perlu masuk (401).', notFound: 'Tidak ditemukan (404).',
    failed: 'Gagal memuat', unknown: 'tidak diketahui', none: 'tidak ada', yes: 'ya', no: 'tidak',
    mapTitle: 'Peta program nasional', mapDesc: 'Setiap provinsi dan kabupaten/kota sebagai titik di koordinat registri, diwarnai menurut tahap program.',
    points: 'titik', filterYear: 'Tahun program', filterProvince: 'Provinsi', filterStage: 'Tahap', all: 'Semua',
    countsPerStage: 'Jumlah per tahap', cohortPath: 'Perjalanan kohort', cohortPathDesc: 'Diundang → terpilih → MoU → bimtek → masterplan → ditetapkan → dievaluasi, per tahun program (dihitung dari linimasa daerah).',
    region: 'Daerah', regions: 'daerah', province: 'Provinsi', provinces: 'provinsi', stage: 'Tahap', year: 'Tahun', count: 'Jumlah',
    openRegion: 'Buka daerah', searchRegion: 'Cari daerah (nama atau kode)', go: 'Buka',
    cohortTitle: 'Kohort', cohortYear: 'Kohort tahun program', track: 'Jalur', declared: 'Dinyatakan', computed: 'Dihitung', gap: 'Selisih',
    members: 'Anggota', source: 'Sumber', sources: 'Sumber', repeat: 'Ulangan', size: 'Ukuran', newParticipants: 'Peserta baru',
    cumulative: 'Kumulatif', ceremony: 'Seremoni penandatanganan', ceremonies: 'Seremoni penandatanganan', letters: 'Surat hasil',
    letter: 'Surat', date: 'Tanggal', number: 'Nomor', pdf: 'PDF', mode: 'Moda', venue: 'Tempat', signatory: 'Penandatangan',
    witness: 'Saksi', mous: 'Nota Kesepakatan (MoU)', masterplans: 'Masterplan', evaluations: 'Evaluasi', timeline: 'Linimasa',
    registry: 'Registri', profile: 'Profil', noProfile: 'Belum ada profil.', code: 'Kode', level: 'Tingkat', population: 'Penduduk',
    area: 'Luas', districts: 'Kecamatan', kelurahan: 'Kelurahan', desa: 'Desa', islands: 'Pulau', centroid: 'Titik tengah',
    regionalHead: 'Kepala daerah', sekda: 'Sekda', kominfo: 'Dinas Kominfo', rpjmd: 'RPJMD', dewan: 'Dewan Smart City',
    precision: 'Presisi', kind: 'Peristiwa', summary: 'Ringkasan', state: 'Status', programmeYear: 'Tahun program',
    pillars: 'Pilar', quickWins: 'Quick win', roadmap: 'Peta jalan', alignment: 'Keselarasan dengan RPJMD', period: 'Periode',
    ratification: 'Penetapan', bimtek: 'Bimtek', index: 'Indeks', nationalRank: 'Peringkat nasional', provincialRank: 'Peringkat provinsi',
    delta: 'Perubahan', indexOverYears: 'Indeks dari tahun ke tahun', monevTitle: 'Monev', monevYear: 'Evaluasi tahun',
    nationalTable: 'Tabel nasional', distribution: 'Sebaran indeks', rank: 'Peringkat', recorded: 'tercatat', regionNotFound: 'Daerah tidak ditemukan.',
    chooseRegion: 'Pilih daerah', noData: 'Belum ada data.', showTable: 'Data grafik sebagai tabel', details: 'Rincian', validity: 'Masa berlaku',
    parties: 'Para pihak', scope: 'Ruang lingkup', version: 'Versi', guide: 'Pendamping', stages: 'Tahapan', due: 'Wajib evaluasi',
    dimensions: 'Dimensi', published: 'Diterbitkan', languageName: 'Bahasa Indonesia', openPdf: 'Buka PDF', yourRegion: 'Daerah Anda',
    cycles: 'Siklus', status: 'Status', from: 'dari', to: 'sampai', mapHelp: 'Pilih titik untuk membuka daerahnya. Titik juga bisa dipilih dengan Tab.',
    listOfRegionsInProgramme: 'Daerah dalam program (sesuai filter)', chartNote: 'Grafik',
  },
  en: {
    skip: 'Skip to content', loading: 'Loading…', menu: 'Menu', language: 'Language', signIn: 'Sign in', signOut: 'Sign out',
    signedInAs: 'Signed in as', home: 'Home', nasional: 'National', kohort: 'Cohorts', daerah: 'Region', monev: 'Monitoring',
    title: 'Smart City Movement',
    tagline: 'The programme console: where every region stands, how each cohort went, and each region\'s story — straight from the public API.',
    landingSignIn: 'Sign in with your Keycloak account to see the national map, cohorts, regions and monitoring. Each page shows exactly what the API lets you see.',
    documents: 'API and event documents', swagger: 'Swagger UI (try the API)', openapi: 'Merged OpenAPI document',
    events: 'Event catalogue (AsyncAPI, JSON Schemas)', health: 'Service readiness',
    pagesIntro: 'Console pages', needSignIn: 'This page reads the API with your token. Please sign in first.',
    forbidden: 'The API does not let you see this (403).', unauthorized: 'Sign-in required (401).', notFound: 'Not found (404).',
    failed: 'Could not load', unknown: 'unknown', none: 'none', yes: 'yes', no: 'no',
    mapTitle: 'National programme map', mapDesc: 'Every province and kabupaten/kota as a point at its registry coordinates, coloured by programme stage.',
    points: 'points', filterYear: 'Programme year', filterProvince: 'Province', filterStage: 'Stage', all: 'All',
    countsPerStage: 'Count per stage', cohortPath: 'Cohort path', cohortPathDesc: 'Invited → selected → MoU → bimtek → masterplan → ratified → evaluated, per programme year (computed from the regions\' timelines).',
    region: 'Region', regions: 'regions', province: 'Province', provinces: 'provinces', stage: 'Stage', year: 'Year', count: 'Count',
    openRegion: 'Open region', searchRegion: 'Find a region (name or code)', go: 'Open',
    cohortTitle: 'Cohorts', cohortYear: 'Cohort of programme year', track: 'Track', declared: 'Declared', computed: 'Computed', gap: 'Gap',
    members: 'Members', source: 'Source', sources: 'Sources', repeat: 'Repeat', size: 'Size', newParticipants: 'New participants',
    cumulative: 'Cumulative', ceremony: 'Signing ceremony', ceremonies: 'Signing ceremonies', letters: 'Result letters',
    letter: 'Letter', date: 'Date', number: 'Number', pdf: 'PDF', mode: 'Mode', venue: 'Venue', signatory: 'Signatory',
    witness: 'Witness', mous: 'Memoranda of understanding (MoU)', masterplans: 'Masterplans', evaluations: 'Evaluations', timeline: 'Timeline',
    registry: 'Registry', profile: 'Profile', noProfile: 'No profile yet.', code: 'Code', level: 'Level', population: 'Population',
    area: 'Area', districts: 'Districts', kelurahan: 'Kelurahan', desa: 'Desa', islands: 'Islands', centroid: 'Centroid',
    regionalHead: 'Regional head', sekda: 'Sekda', kominfo: 'Dinas Kominfo', rpjmd: 'RPJMD', dewan: 'Smart City Council',
    precision: 'Precision', kind: 'Event', summary: 'Summary', state: 'State', programmeYear: 'Programme year',
    pillars: 'Pillars', quickWins: 'Quick wins', roadmap: 'Roadmap', alignment: 'Alignment with the RPJMD', period: 'Period',
    ratification: 'Ratification', bimtek: 'Bimtek', index: 'Index', nationalRank: 'National rank', provincialRank: 'Provincial rank',
    delta: 'Change', indexOverYears: 'Index over the years', monevTitle: 'Monitoring and evaluation', monevYear: 'Evaluation year',
    nationalTable: 'National table', distribution: 'Distribution of the index', rank: 'Rank', recorded: 'recorded', regionNotFound: 'No such region.',
    chooseRegion: 'Choose a region', noData: 'No data yet.', showTable: 'Chart data as a table', details: 'Details', validity: 'Validity',
    parties: 'Parties', scope: 'Scope', version: 'Version', guide: 'Guide', stages: 'Stages', due: 'Due for evaluation',
    dimensions: 'Dimensions', published: 'Published', languageName: 'English', openPdf: 'Open PDF', yourRegion: 'Your region',
    cycles: 'Cycles', status: 'Status', from: 'from', to: 'to', mapHelp: 'Choose a point to open its region. Points can also be reached with Tab.',
    listOfRegionsInProgramme: 'Regions in the programme (as filtered)', chartNote: 'Chart',
  },
};

/** Programme stages in the API's order, and their names. */
export const STAGES = ['NOT_IN_PROGRAMME', 'INVITED', 'ASSESSED', 'NOT_SELECTED', 'SELECTED', 'MOU_SIGNED', 'BIMTEK',
  'BIMTEK_COMPLETED', 'MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED', 'MOU_ENDED'];

const STAGE_NAMES = {
  id: {
    NOT_IN_PROGRAMME: 'Belum ikut program', INVITED: 'Diundang', ASSESSED: 'Dinilai', NOT_SELECTED: 'Tidak terpilih',
    SELECTED: 'Terpilih', MOU_SIGNED: 'MoU ditandatangani', BIMTEK: 'Bimtek', BIMTEK_COMPLETED: 'Bimtek selesai',
    MASTERPLAN_SUBMITTED: 'Masterplan diajukan', MASTERPLAN_APPROVED: 'Masterplan disetujui',
    MASTERPLAN_RATIFIED: 'Masterplan ditetapkan', EVALUATED: 'Dievaluasi', MOU_ENDED: 'MoU berakhir',
  },
  en: {
    NOT_IN_PROGRAMME: 'Not in the programme', INVITED: 'Invited', ASSESSED: 'Assessed', NOT_SELECTED: 'Not selected',
    SELECTED: 'Selected', MOU_SIGNED: 'MoU signed', BIMTEK: 'Bimtek', BIMTEK_COMPLETED: 'Bimtek completed',
    MASTERPLAN_SUBMITTED: 'Masterplan submitted', MASTERPLAN_APPROVED: 'Masterplan approved',
    MASTERPLAN_RATIFIED: 'Masterplan ratified', EVALUATED: 'Evaluated', MOU_ENDED: 'MoU ended',
  },
};

/** The kinds of timeline fact (region-service's TimelineKind). */
const KINDS = {
  id: {
    COHORT_RECORDED: 'Tercatat sebagai anggota kohort', INVITED: 'Diundang', SELF_ASSESSMENT_SUBMITTED: 'Penilaian mandiri diajukan',
    SCORED: 'Dinilai', SELECTED: 'Terpilih', NOT_SELECTED: 'Tidak terpilih', RESULT_LETTER: 'Surat hasil', MOU_DRAFTED: 'MoU disusun',
    MOU_SCHEDULED: 'Penandatanganan MoU dijadwalkan', MOU_SIGNED: 'MoU ditandatangani', MOU_AMENDED: 'MoU diubah',
    DEWAN_SMART_CITY_FORMED: 'Dewan Smart City dibentuk', MASTERPLAN_OPENED: 'Penyusunan masterplan dimulai',
    BIMTEK_STAGE_1_HELD: 'Bimtek tahap 1', BIMTEK_STAGE_2_HELD: 'Bimtek tahap 2', BIMTEK_STAGE_3_HELD: 'Bimtek tahap 3',
    BIMTEK_STAGE_4_HELD: 'Bimtek tahap 4', LOCAL_COMMITMENT_SIGNED: 'Komitmen bersama ditandatangani', BIMTEK_COMPLETED: 'Bimtek selesai',
    MASTERPLAN_SUBMITTED: 'Masterplan diajukan', MASTERPLAN_REVISION_REQUESTED: 'Revisi masterplan diminta',
    MASTERPLAN_APPROVED: 'Masterplan disetujui', MASTERPLAN_RATIFIED: 'Masterplan ditetapkan', EVALUATED: 'Dievaluasi',
    MOU_EXPIRED: 'MoU berakhir', MOU_TERMINATED: 'MoU diakhiri', MOU_WITHDRAWN: 'MoU ditarik',
  },
  en: {
    COHORT_RECORDED: 'Recorded as a cohort member', INVITED: 'Invited', SELF_ASSESSMENT_SUBMITTED: 'Self-assessment submitted',
    SCORED: 'Scored', SELECTED: 'Selected', NOT_SELECTED: 'Not selected', RESULT_LETTER: 'Result letter', MOU_DRAFTED: 'MoU drafted',
    MOU_SCHEDULED: 'MoU signing scheduled', MOU_SIGNED: 'MoU signed', MOU_AMENDED: 'MoU amended',
    DEWAN_SMART_CITY_FORMED: 'Smart City Council formed', MASTERPLAN_OPENED: 'Masterplan work opened',
    BIMTEK_STAGE_1_HELD: 'Bimtek stage 1', BIMTEK_STAGE_2_HELD: 'Bimtek stage 2', BIMTEK_STAGE_3_HELD: 'Bimtek stage 3',
    BIMTEK_STAGE_4_HELD: 'Bimtek stage 4', LOCAL_COMMITMENT_SIGNED: 'Local commitment signed', BIMTEK_COMPLETED: 'Bimtek completed',
    MASTERPLAN_SUBMITTED: 'Masterplan submitted', MASTERPLAN_REVISION_REQUESTED: 'Masterplan revision requested',
    MASTERPLAN_APPROVED: 'Masterplan approved', MASTERPLAN_RATIFIED: 'Masterplan ratified', EVALUATED: 'Evaluated',
    MOU_EXPIRED: 'MoU expired', MOU_TERMINATED: 'MoU terminated', MOU_WITHDRAWN: 'MoU withdrawn',
  },
};

/** Field names of the API's records, where a page shows a record as it is. */
const FIELDS = {
  id: {
    regionalHead: 'Kepala daerah', sekda: 'Sekda', kominfoContact: 'Kontak Dinas Kominfo', rpjmdPeriods: 'Periode RPJMD',
    dewanSmartCity: 'Dewan Smart City', website: 'Situs web', skNumber: 'Nomor SK', skDate: 'Tanggal SK', members: 'Anggota',
    sources: 'Sumber', source: 'Sumber', title: 'Judul', url: 'URL', name: 'Nama', position: 'Jabatan', known: 'Diketahui',
    signedOn: 'Ditandatangani', validity: 'Masa berlaku', from: 'Dari', until: 'Sampai', years: 'Tahun', scope: 'Ruang lingkup',
    venue: 'Tempat', mode: 'Moda', witnesses: 'Saksi', attendees: 'Hadirin', firstParty: 'Pihak pertama', secondParty: 'Pihak kedua',
    firstPartySignatory: 'Penandatangan pihak pertama', secondPartySignatory: 'Penandatangan pihak kedua', numbers: 'Nomor',
    kind: 'Jenis', origin: 'Asal', track: 'Jalur', revision: 'Revisi', startYear: 'Tahun awal', endYear: 'Tahun akhir',
    publishedOn: 'Terbit', email: 'Surel', phone: 'Telepon', period: 'Periode',
  },
  en: {},
};

export function fieldName(key) {
  return FIELDS[lang][key] || key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, c => c.toUpperCase());
}

export function kindName(kind) {
  return KINDS[lang][kind] || word(kind);
}

const LEVELS = {
  id: { PROVINCE: 'Provinsi', KABUPATEN: 'Kabupaten', KOTA: 'Kota', KAB_KOTA: 'Kabupaten/kota' },
  en: { PROVINCE: 'Province', KABUPATEN: 'Regency (kabupaten)', KOTA: 'City (kota)', KAB_KOTA: 'Regency/city' },
};

export function t(key) {
  return TEXT[lang][key] ?? TEXT.id[key] ?? key;
}

export function stageName(stage) {
  return STAGE_NAMES[lang][stage] || stage || t('unknown');
}

export function levelName(level) {
  return LEVELS[lang][level] || level || t('unknown');
}

/** A code word of the API (MOU_SIGNED, HYBRID …) as words: the stage's name where it is one, else lower case. */
export function word(value) {
  if (value === null || value === undefined) return t('unknown');
  if (STAGE_NAMES[lang][value]) return STAGE_NAMES[lang][value];
  return String(value).replace(/_/g, ' ').toLowerCase();
}

export function number(value, digits) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return t('unknown');
  const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(LOCALE[lang], options).format(Number(value));
}

export function signed(value, digits) {
  if (value === null || value === undefined) return t('unknown');
  return new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'exceptZero' })
    .format(Number(value));
}

/** A date of the API (ISO, "2022-04-21", "2022-06", "2022", or an instant) at its precision. */
export function date(value, precision) {
  if (value === null || value === undefined || value === '' || value === 'unknown') return t('unknown');
  const text = String(value);
  const p = (precision || '').toUpperCase();
  let d;
  if (/^\d{4}$/.test(text) || p === 'YEAR') {
    return new Intl.DateTimeFormat(LOCALE[lang], { year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(text.slice(0, 4)), 0, 1)));
  }
  if (/^\d{4}-\d{2}$/.test(text) || p === 'MONTH') {
    d = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, 1));
    return new Intl.DateTimeFormat(LOCALE[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    d = new Date(`${text}T00:00:00Z`);
    return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  d = new Date(text);
  if (Number.isNaN(d.getTime())) return text;
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: 'Asia/Jakarta', timeZoneName: 'short' }).format(d);
}

export function precisionName(precision) {
  const names = {
    id: { DAY: 'hari', INSTANT: 'waktu', YEAR: 'tahun', MONTH: 'bulan' },
    en: { DAY: 'day', INSTANT: 'instant', YEAR: 'year', MONTH: 'month' },
  };
  return names[lang][precision] || word(precision);
}
