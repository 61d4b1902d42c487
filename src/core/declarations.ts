/**
 * Every HT function declared once, in the order of the public contract (shared/FUNCTIONS.md): id,
 * Vietnamese name, help in both languages, parameters with their kinds, domains, defaults and help,
 * and the shape of the result. Everything else is derived from or checked against this list: the
 * custom functions' JSDoc (scripts/functions-source.js writes src/functions/functions.ts from it),
 * functions.json and functions.vi.json (the build fails on any difference), the core's parameter
 * lists, the preview's HyperFormula plugin and the README reference.
 *
 * This file holds data only and imports nothing, so the build scripts can read it without the
 * rest of the core.
 */

export interface Text {
  readonly en: string;
  readonly vi: string;
}

/** What values a numeric parameter admits; anything outside is #NUM!. "rate": a fraction in
 *  [-1, 1]; "unitInterval": a share in [0, 1]. */
export type Domain = "nonNegative" | "rate" | "unitInterval" | "real";

export type ParamKind = "number" | "label" | "table" | "option" | "text";

export interface ParamDeclaration {
  /** The parameter's name in English Excel and in the contract. */
  readonly name: string;
  /** Its name in Vietnamese Excel. */
  readonly vi: string;
  readonly kind: ParamKind;
  readonly help: Text;
  readonly domain?: Domain;
  /** Value of an omitted or empty optional argument; present exactly for optional parameters. */
  readonly default?: number | string;
  /** A required number that applies to the data (a base price) rather than being data: an element
   *  whose data inputs are blank stays blank whatever this holds. */
  readonly setting?: true;
  /** The words an option admits. */
  readonly options?: readonly string[];
}

/** "broadcast": the broadcast shape of the numeric and label arguments; "scalar": one value;
 *  or a fixed table. */
export type ResultShape = "broadcast" | "scalar" | { readonly rows: number; readonly cols: number };

/** An Excel error value a native form may give, written as Excel's own error constant. */
export type NativeError = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

/** A check of a native form: when the Excel expression is TRUE, the result is the error. */
export type NativeGuard = readonly [condition: string, error: NativeError];

/**
 * How a function computes in Excel 2007 and later, and in LibreOffice, without the add-in: the
 * compatibility copy (src/compat) writes this form in place of each call. Expressions are Excel
 * formula text in which `{name}` is a parameter's value (a number: blank gives its default, text
 * is read by VALUE; a label: TRIM of the cell), `{name:arg}` the argument as written, and
 * `{name:option}` an option's word ("lower" …). Only functions available since Excel 2007 are
 * used, and no construct where LibreOffice is known to differ from Excel (SUM("1",1), 0^0).
 */
export type NativeForm =
  /** Element by element, as the core's mapElements: `first` before any element is read (the
   *  grade table), then each parameter's domain in argument order (#NUM!, from the declared
   *  domains), then "" when every required input is blank, then `fails`, then `value`. Over
   *  ranges it is entered as a legacy array formula over the spilled area. */
  | {
      readonly kind: "elementwise";
      readonly first?: readonly NativeGuard[];
      readonly fails?: readonly NativeGuard[];
      readonly value: string;
    }
  /** One value over whole ranges (SUMPRODUCT, AVERAGEIF …): the complete formula, options
   *  checked before it; `single` parameters must be one cell (else the value is kept). */
  | { readonly kind: "whole"; readonly formula: string; readonly single?: readonly string[] }
  /** No formula of Excel 2007 computes it (Vietnamese words): the copy keeps the add-in's value. */
  | { readonly kind: "valueOnly"; readonly why: Text };

export interface FunctionDeclaration {
  readonly id: string;
  /** The Vietnamese name, registered as a function of its own (see the README, "Function names"). */
  readonly vi: string;
  readonly help: Text;
  readonly returns: string;
  readonly result: ResultShape;
  readonly params: readonly ParamDeclaration[];
  /** Its form in native Excel, for the compatibility copy: every function has one, or says why not. */
  readonly native: NativeForm;
}

interface Extra {
  readonly domain?: Domain;
  readonly default?: number | string;
  readonly setting?: true;
  readonly options?: readonly string[];
}

const num = (name: string, vi: string, help: Text, extra: Extra): ParamDeclaration => ({
  name,
  vi,
  kind: "number",
  help,
  ...extra,
});
const label = (name: string, vi: string, help: Text): ParamDeclaration => ({ name, vi, kind: "label", help });
const table = (name: string, vi: string, help: Text): ParamDeclaration => ({ name, vi, kind: "table", help });
const option = (name: string, vi: string, help: Text, extra: Extra): ParamDeclaration => ({
  name,
  vi,
  kind: "option",
  help,
  ...extra,
});
const text = (name: string, vi: string, help: Text, extra: Extra): ParamDeclaration => ({
  name,
  vi,
  kind: "text",
  help,
  ...extra,
});

/** Which way a norm is better, for PROGRESSIVEAVG and NORMCHECK alike. */
const BETTER = option(
  "better",
  "tot_hon",
  {
    en: '"lower" when less is better (time and consumption norms, the default) or "higher" when more is better (output norms).',
    vi: '"lower" khi càng thấp càng tốt (mức thời gian, mức tiêu hao; mặc định) hoặc "higher" khi càng cao càng tốt (mức sản lượng).',
  },
  { default: "lower", options: ["lower", "higher"] },
);

export const DECLARATIONS: readonly FunctionDeclaration[] = [
  {
    id: "COSTPRICE",
    vi: "GIATHEOGIATHANH",
    help: {
      en: "Purchase price or processing fee built on production cost (giá lấy giá thành làm cơ sở): own cost plus profit and accumulation on own cost, plus social insurance and welfare on labour. Accepts ranges and spills one price per row.",
      vi: "Giá thu mua hoặc giá gia công lấy giá thành làm cơ sở: giá thành phần tự lo cộng lãi và tích luỹ tính trên giá thành đó, cộng bảo hiểm xã hội và phúc lợi tính trên tiền công. Nhận cả vùng ô và trả một giá cho mỗi dòng.",
    },
    returns: "Price per unit, in đồng.",
    result: "broadcast",
    native: {
      kind: "elementwise",
      fails: [["{supplied_material}>{material}", "#NUM!"]],
      value:
        "({material}-{supplied_material}+{labour}+{overhead})*(1+{profit_rate}+{accumulation_rate})+{welfare_rate}*{labour}",
    },
    params: [
      num(
        "material",
        "vat_lieu",
        {
          en: "Cost of all materials per unit of product, in đồng, including any the buyer supplies.",
          vi: "Chi phí nguyên vật liệu cho một đơn vị sản phẩm (đồng), kể cả phần bên đặt hàng cung cấp.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "labour",
        "tien_cong",
        {
          en: "Labour cost per unit, in đồng (wages at parity with state-enterprise workers of the same trade).",
          vi: "Tiền công cho một đơn vị sản phẩm (đồng), tương đương công nhân quốc doanh cùng ngành nghề.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "overhead",
        "chi_phi_chung",
        {
          en: "Other production costs per unit (depreciation, power, workshop costs), in đồng. Default 0.",
          vi: "Chi phí sản xuất khác cho một đơn vị (khấu hao, điện, chi phí phân xưởng), đồng. Mặc định 0.",
        },
        { domain: "nonNegative", default: 0 },
      ),
      num(
        "profit_rate",
        "ty_le_lai",
        {
          en: "Profit as a fraction of own production cost: 0.05 means 5 %. Default 0.",
          vi: "Lãi tính theo tỷ lệ trên giá thành phần tự lo: 0,05 là 5 %. Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "accumulation_rate",
        "ty_le_tich_luy",
        {
          en: "Share kept for accumulation (equipment, expansion), as a fraction of own production cost. Default 0.",
          vi: "Phần tích luỹ (thiết bị, mở rộng sản xuất), tỷ lệ trên giá thành phần tự lo. Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "welfare_rate",
        "ty_le_phuc_loi",
        {
          en: "Social insurance and collective welfare, as a fraction of labour cost. Default 0.",
          vi: "Bảo hiểm xã hội và phúc lợi tập thể, tỷ lệ trên tiền công. Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "supplied_material",
        "vat_lieu_ben_dat",
        {
          en: "Part of the material cost supplied by the buyer: 0 for a purchase price, all of it for a processing fee (gia công), part of it for a two-way contract. Default 0.",
          vi: "Phần chi phí vật liệu do bên đặt hàng cung cấp: 0 là giá thu mua, toàn bộ là giá gia công, một phần là hợp đồng hai chiều. Mặc định 0.",
        },
        { domain: "nonNegative", default: 0 },
      ),
    ],
  },
  {
    id: "PRICEBUILDUP",
    vi: "CAUTHANHGIA",
    help: {
      en: "How a cost-based price is built up, as a two-column table (item, amount): own materials, labour, overhead, own production cost, profit, accumulation, social insurance and welfare, price. The last amount equals HT.COSTPRICE. Single values only.",
      vi: "Cấu thành của giá lấy giá thành làm cơ sở, thành bảng hai cột (khoản mục, số tiền): vật liệu tự lo, tiền công, chi phí chung, giá thành phần tự lo, lãi, tích luỹ, bảo hiểm xã hội và phúc lợi, giá. Số cuối bằng HT.GIATHEOGIATHANH. Chỉ nhận từng ô đơn.",
    },
    returns: "A table of 8 rows: item and amount.",
    result: { rows: 8, cols: 2 },
    native: {
      kind: "valueOnly",
      why: {
        en: "its eight labelled rows are a table no formula of Excel 2007 spills",
        vi: "bảng tám dòng có tên khoản mục không công thức nào của Excel 2007 trả ra được",
      },
    },
    params: [
      num(
        "material",
        "vat_lieu",
        {
          en: "Cost of all materials per unit, in đồng, including any the buyer supplies.",
          vi: "Chi phí nguyên vật liệu cho một đơn vị (đồng), kể cả phần bên đặt hàng cung cấp.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "labour",
        "tien_cong",
        {
          en: "Labour cost per unit, in đồng.",
          vi: "Tiền công cho một đơn vị (đồng).",
        },
        { domain: "nonNegative" },
      ),
      num(
        "overhead",
        "chi_phi_chung",
        {
          en: "Other production costs per unit, in đồng. Default 0.",
          vi: "Chi phí sản xuất khác cho một đơn vị (đồng). Mặc định 0.",
        },
        { domain: "nonNegative", default: 0 },
      ),
      num(
        "profit_rate",
        "ty_le_lai",
        {
          en: "Profit as a fraction of own production cost (0.05 = 5 %). Default 0.",
          vi: "Lãi, tỷ lệ trên giá thành phần tự lo (0,05 = 5 %). Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "accumulation_rate",
        "ty_le_tich_luy",
        {
          en: "Accumulation as a fraction of own production cost. Default 0.",
          vi: "Tích luỹ, tỷ lệ trên giá thành phần tự lo. Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "welfare_rate",
        "ty_le_phuc_loi",
        {
          en: "Social insurance and collective welfare as a fraction of labour cost. Default 0.",
          vi: "Bảo hiểm xã hội và phúc lợi tập thể, tỷ lệ trên tiền công. Mặc định 0.",
        },
        { domain: "rate", default: 0 },
      ),
      num(
        "supplied_material",
        "vat_lieu_ben_dat",
        {
          en: "Part of the material cost supplied by the buyer, in đồng. Default 0.",
          vi: "Phần chi phí vật liệu do bên đặt hàng cung cấp (đồng). Mặc định 0.",
        },
        { domain: "nonNegative", default: 0 },
      ),
      option(
        "language",
        "ngon_ngu",
        {
          en: 'Language of the item labels: "vi" (Vietnamese, the default) or "en" (English).',
          vi: 'Ngôn ngữ của tên khoản mục: "vi" (tiếng Việt, mặc định) hoặc "en" (tiếng Anh).',
        },
        { default: "vi", options: ["vi", "en"] },
      ),
    ],
  },
  {
    id: "PARITYWAGE",
    vi: "LUONGTUONGDUONG",
    help: {
      en: "Labour cost per unit at parity with a state-enterprise worker of the same trade and conditions: time norm × reference monthly wage ÷ hours per month × condition coefficient.",
      vi: "Tiền công cho một đơn vị sản phẩm tương đương công nhân quốc doanh cùng ngành nghề và điều kiện: mức thời gian × lương tháng tham chiếu ÷ số giờ trong tháng × hệ số điều kiện.",
    },
    returns: "Labour cost per unit, in đồng.",
    result: "broadcast",
    native: {
      kind: "elementwise",
      value: "{time_norm_hours}*{reference_monthly_wage}/{hours_per_month}*{condition_coef}",
    },
    params: [
      num(
        "time_norm_hours",
        "muc_thoi_gian",
        {
          en: "Time norm: hours of work per unit of product.",
          vi: "Mức thời gian: số giờ công cho một đơn vị sản phẩm.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "reference_monthly_wage",
        "luong_thang_tham_chieu",
        {
          en: "Monthly wage of a state-enterprise worker of the same trade and grade, in đồng.",
          vi: "Lương tháng của công nhân quốc doanh cùng ngành nghề, cùng bậc (đồng).",
        },
        { domain: "nonNegative" },
      ),
      num(
        "hours_per_month",
        "gio_trong_thang",
        {
          en: "Working hours in a month. Default 208 (26 days of 8 hours).",
          vi: "Số giờ làm việc trong tháng. Mặc định 208 (26 ngày × 8 giờ).",
        },
        { domain: "nonNegative", default: 208 },
      ),
      num(
        "condition_coef",
        "he_so_dieu_kien",
        {
          en: "Coefficient for working conditions (heavy, toxic work above 1). Default 1.",
          vi: "Hệ số điều kiện lao động (nặng nhọc, độc hại trên 1). Mặc định 1.",
        },
        { domain: "nonNegative", default: 1 },
      ),
    ],
  },
  {
    id: "GRADEPRICE",
    vi: "GIATHEOPHAMCAP",
    help: {
      en: "Price for a quality grade (hàng tốt giá cao, hàng xấu giá thấp): base price × the grade's coefficient from the grade table.",
      vi: "Giá theo phẩm cấp (hàng tốt giá cao, hàng xấu giá thấp): giá cơ sở × hệ số của phẩm cấp trong bảng phẩm cấp.",
    },
    returns: "Price for the grade, in đồng.",
    result: "broadcast",
    native: {
      kind: "elementwise",
      first: [
        ["COLUMNS({grade_table:arg})<>2", "#VALUE!"],
        ['COUNTIF(INDEX({grade_table:arg},0,2),"<0")>0', "#VALUE!"],
        ["COUNTIF(INDEX({grade_table:arg},0,1),{grade})>1", "#VALUE!"],
      ],
      fails: [["COUNTIF(INDEX({grade_table:arg},0,1),{grade})=0", "#N/A"]],
      value: "{base_price}*SUMIF(INDEX({grade_table:arg},0,1),{grade},INDEX({grade_table:arg},0,2))",
    },
    params: [
      num(
        "base_price",
        "gia_co_so",
        {
          en: "Price of the base grade (coefficient 1), in đồng.",
          vi: "Giá của phẩm cấp cơ sở (hệ số 1), đồng.",
        },
        { domain: "nonNegative", setting: true },
      ),
      label("grade", "pham_cap", {
        en: 'Grade label as written in the grade table, e.g. "Loại 1"; upper or lower case alike. May be a range.',
        vi: 'Tên phẩm cấp như trong bảng, ví dụ "Loại 1"; không phân biệt chữ hoa, chữ thường. Có thể là một vùng ô.',
      }),
      table("grade_table", "bang_pham_cap", {
        en: "Two columns: grade label and coefficient relative to the base price (1 for the base grade).",
        vi: "Hai cột: tên phẩm cấp và hệ số so với giá cơ sở (1 cho phẩm cấp cơ sở).",
      }),
    ],
  },
  {
    id: "GRADEVALUE",
    vi: "GIATRITHEOPHAMCAP",
    help: {
      en: "Value of deliveries of mixed grades: the sum of quantity × base price × grade coefficient over all lines.",
      vi: "Giá trị hàng giao gồm nhiều phẩm cấp: tổng của số lượng × giá cơ sở × hệ số phẩm cấp trên mọi dòng.",
    },
    returns: "Total value, in đồng.",
    result: "scalar",
    native: {
      kind: "whole",
      formula:
        "IF(COLUMNS({grade_table:arg})<>2,#VALUE!," +
        'IF(COUNTIF(INDEX({grade_table:arg},0,2),"<0")>0,#VALUE!,' +
        'IF(SUMPRODUCT((TRIM({grades:arg})<>"")*(COUNTIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}))>1))>0,#VALUE!,' +
        "IF((ROWS({quantities:arg})<>ROWS({grades:arg}))+(COLUMNS({quantities:arg})<>COLUMNS({grades:arg})),#VALUE!," +
        'IF(SUMPRODUCT(ISTEXT({quantities:arg})*({quantities:arg}<>""))>0,#VALUE!,' +
        'IF(COUNTIF({quantities:arg},"<0")>0,#NUM!,' +
        'IF(SUMPRODUCT(({quantities:arg}<>"")+(TRIM({grades:arg})<>""))=0,"",' +
        "IF({base_price}<0,#NUM!," +
        'IF(SUMPRODUCT((({quantities:arg}<>"")+(TRIM({grades:arg})<>"")>0)*(COUNTIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}))=0))>0,#N/A,' +
        "SUMPRODUCT({quantities:arg},SUMIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}),INDEX({grade_table:arg},0,2)))*{base_price}" +
        ")))))))))",
      single: ["base_price"],
    },
    params: [
      num(
        "quantities",
        "so_luong",
        {
          en: "Quantities delivered, one per line.",
          vi: "Số lượng giao, mỗi dòng một số.",
        },
        { domain: "nonNegative" },
      ),
      label("grades", "pham_cap", {
        en: "Grade of each line: a range of the same shape as quantities (the same rows and columns).",
        vi: "Phẩm cấp của từng dòng: vùng ô cùng kích thước với số lượng (cùng số dòng và số cột).",
      }),
      num(
        "base_price",
        "gia_co_so",
        {
          en: "Price of the base grade, in đồng.",
          vi: "Giá của phẩm cấp cơ sở, đồng.",
        },
        { domain: "nonNegative", setting: true },
      ),
      table("grade_table", "bang_pham_cap", {
        en: "Two columns: grade label and coefficient relative to the base price.",
        vi: "Hai cột: tên phẩm cấp và hệ số so với giá cơ sở.",
      }),
    ],
  },
  {
    id: "GRADECOEF",
    vi: "HESOPHAMCAP",
    help: {
      en: "Average grade coefficient (hệ số phẩm cấp bình quân): the sum of quantity × coefficient divided by the total quantity. 1 means all at the base grade.",
      vi: "Hệ số phẩm cấp bình quân: tổng số lượng × hệ số chia cho tổng số lượng. Bằng 1 khi toàn bộ là phẩm cấp cơ sở.",
    },
    returns: "Average coefficient.",
    result: "scalar",
    native: {
      kind: "whole",
      formula:
        "IF(COLUMNS({grade_table:arg})<>2,#VALUE!," +
        'IF(COUNTIF(INDEX({grade_table:arg},0,2),"<0")>0,#VALUE!,' +
        'IF(SUMPRODUCT((TRIM({grades:arg})<>"")*(COUNTIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}))>1))>0,#VALUE!,' +
        "IF((ROWS({quantities:arg})<>ROWS({grades:arg}))+(COLUMNS({quantities:arg})<>COLUMNS({grades:arg})),#VALUE!," +
        'IF(SUMPRODUCT(ISTEXT({quantities:arg})*({quantities:arg}<>""))>0,#VALUE!,' +
        'IF(COUNTIF({quantities:arg},"<0")>0,#NUM!,' +
        'IF(SUMPRODUCT(({quantities:arg}<>"")+(TRIM({grades:arg})<>""))=0,"",' +
        'IF(SUMPRODUCT((({quantities:arg}<>"")+(TRIM({grades:arg})<>"")>0)*(COUNTIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}))=0))>0,#N/A,' +
        "SUMPRODUCT({quantities:arg},SUMIF(INDEX({grade_table:arg},0,1),TRIM({grades:arg}),INDEX({grade_table:arg},0,2)))/SUM({quantities:arg})" +
        "))))))))",
    },
    params: [
      num(
        "quantities",
        "so_luong",
        {
          en: "Quantities produced or delivered, one per line.",
          vi: "Số lượng sản xuất hoặc giao, mỗi dòng một số.",
        },
        { domain: "nonNegative" },
      ),
      label("grades", "pham_cap", {
        en: "Grade of each line: a range of the same shape as quantities (the same rows and columns).",
        vi: "Phẩm cấp của từng dòng: vùng ô cùng kích thước với số lượng (cùng số dòng và số cột).",
      }),
      table("grade_table", "bang_pham_cap", {
        en: "Two columns: grade label and coefficient relative to the base price.",
        vi: "Hai cột: tên phẩm cấp và hệ số so với giá cơ sở.",
      }),
    ],
  },
  {
    id: "NORMFULFIL",
    vi: "HOANTHANHDINHMUC",
    help: {
      en: "Fulfilment of the labour norm (% hoàn thành định mức): standard hours earned ÷ hours worked. 1.1 means 110 %.",
      vi: "Tỷ lệ hoàn thành định mức lao động: số giờ định mức của sản phẩm làm ra ÷ số giờ làm thực tế. 1,1 là 110 %.",
    },
    returns: "Fulfilment as a fraction (1 = 100 %).",
    result: "broadcast",
    native: { kind: "elementwise", value: "{time_norm_per_unit}*{units}/{hours_worked}" },
    params: [
      num(
        "time_norm_per_unit",
        "muc_thoi_gian",
        {
          en: "Time norm: hours allowed per unit of product.",
          vi: "Mức thời gian: số giờ định mức cho một đơn vị sản phẩm.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "units",
        "san_luong",
        {
          en: "Units produced (good units accepted).",
          vi: "Số sản phẩm làm ra (được nghiệm thu).",
        },
        { domain: "nonNegative" },
      ),
      num(
        "hours_worked",
        "gio_lam_thuc_te",
        {
          en: "Hours actually worked.",
          vi: "Số giờ làm việc thực tế.",
        },
        { domain: "nonNegative" },
      ),
    ],
  },
  {
    id: "MATERIALSAVING",
    vi: "TIETKIEMVATTU",
    help: {
      en: "Material saving against the consumption norm: (norm per unit × units − actual use) × unit price. Positive is a saving (tiết kiệm), negative an overrun (vượt mức tiêu hao).",
      vi: "Tiết kiệm vật tư so với định mức tiêu hao: (định mức một đơn vị × sản lượng − lượng dùng thực tế) × đơn giá. Dương là tiết kiệm, âm là vượt mức tiêu hao.",
    },
    returns: "Saving (positive) or overrun (negative).",
    result: "broadcast",
    native: { kind: "elementwise", value: "({norm_per_unit}*{units}-{actual_used})*{unit_price}" },
    params: [
      num(
        "norm_per_unit",
        "dinh_muc",
        {
          en: "Consumption norm: material allowed per unit of product.",
          vi: "Định mức tiêu hao vật tư cho một đơn vị sản phẩm.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "units",
        "san_luong",
        {
          en: "Units produced.",
          vi: "Số sản phẩm làm ra.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "actual_used",
        "luong_dung_thuc_te",
        {
          en: "Material actually used, in the norm's unit.",
          vi: "Lượng vật tư dùng thực tế, cùng đơn vị với định mức.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "unit_price",
        "don_gia",
        {
          en: "Price per unit of material, in đồng, to value the saving. Default 1 (the result stays in quantity).",
          vi: "Đơn giá vật tư (đồng) để tính ra tiền. Mặc định 1 (kết quả tính theo hiện vật).",
        },
        { domain: "nonNegative", default: 1 },
      ),
    ],
  },
  {
    id: "OEE",
    vi: "HIEUSUATTHIETBI",
    help: {
      en: "Equipment utilisation (OEE): availability × performance × quality, where availability = run time ÷ planned time, performance = ideal cycle time × total count ÷ run time, quality = good count ÷ total count.",
      vi: "Hiệu suất sử dụng máy móc thiết bị (OEE): thời gian chạy ÷ thời gian kế hoạch × năng suất × chất lượng, trong đó năng suất = thời gian chu kỳ lý tưởng × tổng số sản phẩm ÷ thời gian chạy, chất lượng = số sản phẩm tốt ÷ tổng số.",
    },
    returns: "OEE as a fraction (0.85 = 85 %).",
    result: "broadcast",
    native: {
      kind: "elementwise",
      fails: [
        ["{run_time}>{planned_time}", "#NUM!"],
        ["{good_count}>{total_count}", "#NUM!"],
      ],
      value: "({run_time}/{planned_time})*(({ideal_cycle_time}*{total_count})/{run_time})*({good_count}/{total_count})",
    },
    params: [
      num(
        "planned_time",
        "thoi_gian_ke_hoach",
        {
          en: "Planned production time of the machine.",
          vi: "Thời gian sản xuất kế hoạch của máy.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "run_time",
        "thoi_gian_chay",
        {
          en: "Time the machine actually ran, in the same unit; not more than the planned time.",
          vi: "Thời gian máy chạy thực tế, cùng đơn vị; không quá thời gian kế hoạch.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "ideal_cycle_time",
        "chu_ky_ly_tuong",
        {
          en: "Ideal time per piece, in the same unit.",
          vi: "Thời gian lý tưởng cho một sản phẩm, cùng đơn vị.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "total_count",
        "tong_so",
        {
          en: "Pieces made, good and bad.",
          vi: "Tổng số sản phẩm làm ra, cả tốt lẫn hỏng.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "good_count",
        "so_tot",
        {
          en: "Good pieces (first grade); not more than the total.",
          vi: "Số sản phẩm tốt (chính phẩm); không quá tổng số.",
        },
        { domain: "nonNegative" },
      ),
    ],
  },
  {
    id: "PROGRESSIVEAVG",
    vi: "MUCTIENTIEN",
    help: {
      en: 'Progressive average norm (mức trung bình tiên tiến) from observed values: the mean of all observations, then the mean of those at least as good; "half" averages the two, "advanced" takes the second. Blank cells are skipped.',
      vi: 'Mức trung bình tiên tiến từ các số liệu quan sát: trung bình của tất cả, rồi trung bình của các số tốt bằng hoặc hơn; "half" lấy trung bình hai số đó, "advanced" lấy số sau. Bỏ qua ô trống.',
    },
    returns: "The progressive average norm, in the unit of the observations.",
    result: "scalar",
    native: {
      kind: "whole",
      // An observation equal to the mean is advanced: the bound has the core's slack of 1e-12.
      formula:
        'IF(SUMPRODUCT(ISTEXT({observations:arg})*({observations:arg}<>""))>0,#VALUE!,' +
        'IF(COUNTIF({observations:arg},"<0")>0,#NUM!,' +
        'IF({better:option}="higher",IF({method:option}="advanced",' +
        'AVERAGEIF({observations:arg},">="&AVERAGE({observations:arg})*(1-1E-12)),' +
        '(AVERAGE({observations:arg})+AVERAGEIF({observations:arg},">="&AVERAGE({observations:arg})*(1-1E-12)))/2),' +
        'IF({method:option}="advanced",' +
        'AVERAGEIF({observations:arg},"<="&AVERAGE({observations:arg})*(1+1E-12)),' +
        '(AVERAGE({observations:arg})+AVERAGEIF({observations:arg},"<="&AVERAGE({observations:arg})*(1+1E-12)))/2))))',
    },
    params: [
      num(
        "observations",
        "so_lieu",
        {
          en: "Observed times, consumptions or outputs per unit.",
          vi: "Thời gian, mức tiêu hao hoặc sản lượng quan sát được cho một đơn vị.",
        },
        { domain: "nonNegative" },
      ),
      BETTER,
      option(
        "method",
        "cach_tinh",
        {
          en: '"half" for (mean + advanced mean) ÷ 2, the default, or "advanced" for the advanced mean alone.',
          vi: '"half" lấy (trung bình + trung bình tiên tiến) ÷ 2, mặc định; "advanced" chỉ lấy trung bình tiên tiến.',
        },
        { default: "half", options: ["half", "advanced"] },
      ),
    ],
  },
  {
    id: "NORMCHECK",
    vi: "KIEMTRADINHMUC",
    help: {
      en: "Whether the unit's norm is at least as tight as the state or ministry norm (a unit's norm may not be looser): TRUE or FALSE.",
      vi: "Định mức của đơn vị có chặt bằng hoặc hơn định mức của Nhà nước, của Bộ hay không (không được thấp hơn): TRUE hoặc FALSE.",
    },
    returns: "TRUE when the unit's norm is at least as tight.",
    result: "broadcast",
    native: {
      kind: "elementwise",
      value: 'IF({better:option}="higher",{unit_norm}>={state_norm},{unit_norm}<={state_norm})',
    },
    params: [
      num(
        "unit_norm",
        "dinh_muc_don_vi",
        {
          en: "The unit's own norm.",
          vi: "Định mức của đơn vị.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "state_norm",
        "dinh_muc_nha_nuoc",
        {
          en: "The state or ministry norm for the same work.",
          vi: "Định mức của Nhà nước hoặc của Bộ cho cùng công việc.",
        },
        { domain: "nonNegative" },
      ),
      BETTER,
    ],
  },
  {
    id: "PIECERATE",
    vi: "DONGIALUONGSP",
    help: {
      en: "Piece rate per unit (đơn giá lương sản phẩm): wage for the period ÷ output norm for the period.",
      vi: "Đơn giá lương sản phẩm: tiền lương trong kỳ ÷ mức sản lượng trong kỳ.",
    },
    returns: "Piece rate per unit, in đồng.",
    result: "broadcast",
    native: { kind: "elementwise", value: "{wage_per_period}/{output_norm_per_period}" },
    params: [
      num(
        "wage_per_period",
        "luong_trong_ky",
        {
          en: "Wage for the period (day, month), in đồng.",
          vi: "Tiền lương trong kỳ (ngày, tháng), đồng.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "output_norm_per_period",
        "muc_san_luong",
        {
          en: "Output norm: units to be made in the same period.",
          vi: "Mức sản lượng: số sản phẩm phải làm trong cùng kỳ.",
        },
        { domain: "nonNegative" },
      ),
    ],
  },
  {
    id: "REVISEDPIECERATE",
    vi: "DONGIALUONGSPMOI",
    help: {
      en: "Piece rate after the output norm is raised, keeping part of the gain for the worker so the incentive to raise productivity stays: (old rate × old norm + share × old rate × (new norm − old norm)) ÷ new norm.",
      vi: "Đơn giá lương sản phẩm khi nâng mức sản lượng, để lại cho người lao động một phần lợi ích để giữ khuyến khích tăng năng suất: (đơn giá cũ × mức cũ + tỷ lệ × đơn giá cũ × (mức mới − mức cũ)) ÷ mức mới.",
    },
    returns: "The new piece rate, in đồng per unit.",
    result: "broadcast",
    native: {
      kind: "elementwise",
      value: "({old_rate}*{old_norm}+{incentive_share}*{old_rate}*({new_norm}-{old_norm}))/{new_norm}",
    },
    params: [
      num(
        "old_rate",
        "don_gia_cu",
        {
          en: "Piece rate before the change, in đồng per unit.",
          vi: "Đơn giá trước khi đổi mức, đồng một sản phẩm.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "old_norm",
        "muc_cu",
        {
          en: "Output norm before the change, units per period.",
          vi: "Mức sản lượng trước khi đổi, sản phẩm trong kỳ.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "new_norm",
        "muc_moi",
        {
          en: "Output norm after the change, units per period.",
          vi: "Mức sản lượng sau khi đổi, sản phẩm trong kỳ.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "incentive_share",
        "ty_le_khuyen_khich",
        {
          en: "Share of the extra output paid at the old rate, from 0 to 1: 0 keeps earnings at the norm unchanged, 1 keeps the old rate. Default 0.",
          vi: "Phần sản lượng tăng thêm được trả theo đơn giá cũ, từ 0 đến 1: 0 giữ nguyên thu nhập ở mức, 1 giữ nguyên đơn giá cũ. Mặc định 0.",
        },
        { domain: "unitInterval", default: 0 },
      ),
    ],
  },
  {
    id: "PRICEVARIANCE",
    vi: "CHENHLECHGIA",
    help: {
      en: "Price variance: (actual price − standard price) × actual quantity. Positive is unfavourable (paid above standard).",
      vi: "Chênh lệch giá: (giá thực tế − giá định mức) × số lượng thực tế. Dương là bất lợi (mua cao hơn định mức).",
    },
    returns: "Variance in đồng; positive is unfavourable.",
    result: "broadcast",
    native: { kind: "elementwise", value: "({actual_price}-{standard_price})*{actual_qty}" },
    params: [
      num(
        "actual_price",
        "gia_thuc_te",
        {
          en: "Price actually paid per unit, in đồng.",
          vi: "Giá thực tế một đơn vị, đồng.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "standard_price",
        "gia_dinh_muc",
        {
          en: "Standard (norm) price per unit, in đồng.",
          vi: "Giá định mức một đơn vị, đồng.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "actual_qty",
        "so_luong_thuc_te",
        {
          en: "Quantity actually bought or used.",
          vi: "Số lượng thực tế mua hoặc dùng.",
        },
        { domain: "nonNegative" },
      ),
    ],
  },
  {
    id: "USAGEVARIANCE",
    vi: "CHENHLECHLUONG",
    help: {
      en: "Usage (quantity) variance: (actual quantity − standard quantity per unit × output) × standard price. Positive is unfavourable (more used than the norm allows).",
      vi: "Chênh lệch lượng dùng: (lượng thực tế − định mức một đơn vị × sản lượng) × giá định mức. Dương là bất lợi (dùng quá định mức).",
    },
    returns: "Variance in đồng; positive is unfavourable.",
    result: "broadcast",
    native: { kind: "elementwise", value: "({actual_qty}-{standard_qty_per_unit}*{output})*{standard_price}" },
    params: [
      num(
        "actual_qty",
        "luong_thuc_te",
        {
          en: "Quantity of material or hours actually used.",
          vi: "Lượng vật tư hoặc giờ công dùng thực tế.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "standard_qty_per_unit",
        "dinh_muc",
        {
          en: "Standard (norm) quantity per unit of output.",
          vi: "Định mức cho một đơn vị sản phẩm.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "output",
        "san_luong",
        {
          en: "Units of output produced.",
          vi: "Số sản phẩm làm ra.",
        },
        { domain: "nonNegative" },
      ),
      num(
        "standard_price",
        "gia_dinh_muc",
        {
          en: "Standard price per unit of material or hour, in đồng.",
          vi: "Giá định mức một đơn vị vật tư hoặc một giờ công, đồng.",
        },
        { domain: "nonNegative" },
      ),
    ],
  },
  {
    id: "INWORDS",
    vi: "BANGCHU",
    help: {
      en: 'The amount in words (số tiền bằng chữ), as written after "Bằng chữ:" on invoices, contracts and payment orders: rounded to whole units, first letter capitalised, followed by the unit; with a minor unit, the cents follow ("… and fifty cents"). Accepts a range and spills one text per cell.',
      vi: 'Số tiền bằng chữ, như ghi sau "Bằng chữ:" trên hoá đơn, hợp đồng, uỷ nhiệm chi: làm tròn đến đơn vị, viết hoa chữ đầu, kèm đơn vị tiền; khi có đơn vị lẻ, phần lẻ đọc tiếp sau ("… và năm mươi xu"). Nhận cả vùng ô và trả một dòng chữ cho mỗi ô.',
    },
    returns: "The amount in words.",
    result: "broadcast",
    native: {
      kind: "valueOnly",
      why: {
        en: "no formula of Excel reads an amount in Vietnamese or English words",
        vi: "không công thức nào của Excel đọc số tiền thành chữ",
      },
    },
    params: [
      num(
        "amount",
        "so_tien",
        {
          en: "The amount, in the sheet's unit; rounded half away from zero to whole units first (to two decimals with a minor unit). Less than 10^15 in size (10^13 with a minor unit).",
          vi: "Số tiền, theo đơn vị của bảng tính; làm tròn đến đơn vị (0,5 làm tròn ra xa số 0; đến hai chữ số thập phân khi có đơn vị lẻ). Nhỏ hơn 10^15 về độ lớn (10^13 khi có đơn vị lẻ).",
        },
        { domain: "real" },
      ),
      text(
        "unit",
        "don_vi",
        {
          en: 'Word written after the amount, as given (e.g. "đồng chẵn"). Default "đồng" in Vietnamese, "dong" in English.',
          vi: 'Chữ ghi sau số tiền, giữ nguyên như nhập (ví dụ "đồng chẵn"). Mặc định "đồng" (tiếng Việt), "dong" (tiếng Anh).',
        },
        { default: "" },
      ),
      option(
        "language",
        "ngon_ngu",
        {
          en: '"vi" for Vietnamese (the default) or "en" for English.',
          vi: '"vi" cho tiếng Việt (mặc định) hoặc "en" cho tiếng Anh.',
        },
        { default: "vi", options: ["vi", "en"] },
      ),
      option(
        "style",
        "cach_doc",
        {
          en: 'Vietnamese words: "north" (nghìn, linh; the default) or "south" (ngàn, lẻ).',
          vi: 'Cách đọc tiếng Việt: "north" (nghìn, linh; mặc định) hoặc "south" (ngàn, lẻ).',
        },
        { default: "north", options: ["north", "south"] },
      ),
      text(
        "minor_unit",
        "don_vi_le",
        {
          en: 'Name of the minor unit ("cent", "xu"). When given, the amount is rounded to two decimals and the hundredths follow: "… US dollars and fifty cents". Blank reads whole units only. With it, less than 10^13 in size.',
          vi: 'Tên đơn vị lẻ ("xu", "cent"). Khi có, số tiền được làm tròn đến hai chữ số thập phân và phần lẻ đọc tiếp sau: "… đô la Mỹ và năm mươi cent". Để trống thì chỉ đọc phần nguyên. Khi có, nhỏ hơn 10^13 về độ lớn.',
        },
        { default: "" },
      ),
    ],
  },
];
