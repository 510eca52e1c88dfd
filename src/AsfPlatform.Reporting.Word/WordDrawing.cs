using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace AsfPlatform.Reporting.Word;

/// <summary>The inline frame that places a chart part in the text flow.</summary>
internal static class WordDrawing
{
    public static Drawing InlineChart(string relationshipId, int drawingId, ChartSpec chart) => new(
        new DW.Inline(
            new DW.Extent { Cx = PageGeometry.ChartWidthEmu, Cy = PageGeometry.ChartHeightEmu },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            // docPr ids must be unique in the document; descr is the alt text screen readers announce.
            new DW.DocProperties { Id = (uint)drawingId, Name = $"Diagram {drawingId}", Description = chart.AltText, Title = chart.Title },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
}
