using static AsfPlatform.Reporting.Word.Palette;

namespace AsfPlatform.Reporting.Word;

/// <summary>
/// The fixed parts of every document: styles, numbering and settings. Kept as XML text because they never vary
/// with content and read more clearly than the equivalent object tree; the validator checks them like the rest.
/// </summary>
internal static class WordStyles
{
    public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>numId of the multilevel heading list (1. / 1.2 / 1.2.1).</summary>
    public const int HeadingNumId = 1;

    /// <summary>numId of the bullet list.</summary>
    public const int BulletNumId = 2;

    private const string Font = """<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>""";

    public static string Styles => $$"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{{W}}">
  <w:docDefaults>
    <w:rPrDefault><w:rPr>{{Font}}<w:color w:val="{{Text}}"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="sv-SE" w:eastAsia="sv-SE" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
    <w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
  </w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
  <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
  <w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>
  <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>
    <w:pPr><w:spacing w:before="2400" w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/><w:kern w:val="28"/><w:sz w:val="64"/><w:szCs w:val="64"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="11"/><w:qFormat/>
    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="12" w:color="{{Blue}}"/></w:pBdr><w:spacing w:after="480" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="{{Blue}}"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverOwner"><w:name w:val="Omslag ägare"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
    <w:pPr><w:spacing w:after="0"/></w:pPr>
    <w:rPr><w:b/><w:caps/><w:color w:val="{{Blue}}"/><w:spacing w:val="20"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverMeta"><w:name w:val="Omslag uppgifter"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:spacing w:after="60"/></w:pPr>
    <w:rPr><w:color w:val="{{Muted}}"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:numId w:val="{{HeadingNumId}}"/></w:numPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="{{Rule}}"/></w:pBdr><w:spacing w:before="480" w:after="160" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="{{HeadingNumId}}"/></w:numPr><w:spacing w:before="320" w:after="100" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="1"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Blue}}"/><w:sz w:val="27"/><w:szCs w:val="27"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:keepLines/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="{{HeadingNumId}}"/></w:numPr><w:spacing w:before="240" w:after="80" w:line="240" w:lineRule="auto"/><w:outlineLvl w:val="2"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="0" w:after="360" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/><w:sz w:val="34"/><w:szCs w:val="34"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="{{PageGeometry.TextWidth}}"/></w:tabs><w:spacing w:before="160" w:after="60"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="left" w:pos="1134"/><w:tab w:val="right" w:leader="dot" w:pos="{{PageGeometry.TextWidth}}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="567"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="left" w:pos="1871"/><w:tab w:val="right" w:leader="dot" w:pos="{{PageGeometry.TextWidth}}"/></w:tabs><w:spacing w:after="40"/><w:ind w:left="1134"/></w:pPr>
    <w:rPr><w:color w:val="{{Muted}}"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:numPr><w:numId w:val="{{BulletNumId}}"/></w:numPr><w:spacing w:after="60"/><w:contextualSpacing/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/>
    <w:pPr><w:keepNext/><w:spacing w:before="120" w:after="80"/></w:pPr>
    <w:rPr><w:b/><w:color w:val="{{Navy}}"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="Tabelltext"/><w:basedOn w:val="Normal"/><w:qFormat/>
    <w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:customStyle="1" w:styleId="BlockSpacer"><w:name w:val="Luft efter block"/><w:basedOn w:val="Normal"/>
    <w:pPr><w:spacing w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="12"/><w:szCs w:val="12"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="right" w:pos="{{PageGeometry.TextWidth}}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="{{Muted}}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:pPr><w:tabs><w:tab w:val="right" w:pos="{{PageGeometry.TextWidth}}"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:color w:val="{{Muted}}"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
    <w:rPr><w:color w:val="{{Blue}}"/><w:u w:val="single"/></w:rPr></w:style>
</w:styles>
""";

    public static string Numbering => $$"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{{W}}">
  <w:abstractNum w:abstractNumId="0">
    <w:multiLevelType w:val="multilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="%1.%2"/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading3"/><w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="709"/></w:tabs><w:ind w:left="709" w:hanging="709"/></w:pPr></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:multiLevelType w:val="hybridMultilevel"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:color w:val="{{Blue}}"/></w:rPr></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="–"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:color w:val="{{Blue}}"/></w:rPr></w:lvl>
  </w:abstractNum>
  <w:num w:numId="{{HeadingNumId}}"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="{{BulletNumId}}"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
""";

    // No updateFields: Word would ask the reader whether to update fields on every open, and the table of contents
    // is already filled in. compatibilityMode 15 keeps Word out of compatibility mode; decimalSymbol/listSeparator
    // make fields and formulas Swedish.
    public static string Settings => $$"""
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{{W}}">
  <w:zoom w:percent="100"/>
  <w:defaultTabStop w:val="1304"/>
  <w:hyphenationZone w:val="425"/>
  <w:characterSpacingControl w:val="doNotCompress"/>
  <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
  <w:themeFontLang w:val="sv-SE"/>
  <w:decimalSymbol w:val=","/>
  <w:listSeparator w:val=";"/>
</w:settings>
""";
}
