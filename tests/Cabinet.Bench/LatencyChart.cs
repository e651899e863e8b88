using SkiaSharp;

namespace Cabinet.Bench;

/// <summary>Fan-out latency percentiles against N (log scale), Cabinet solid, baseline dashed, as a PNG.</summary>
public static class LatencyChart
{
    private const int Width = 960, Height = 560, Left = 80, Right = 230, Top = 60, Bottom = 70;

    public static byte[] Draw(IReadOnlyList<SeriesRow> rows, string subtitle)
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKTypeface.FromFile("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf") ?? SKTypeface.Default;
        using var font = new SKFont(typeface, 14);
        using var title = new SKFont(typeface, 19);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(225, 225, 225), StrokeWidth = 1 };

        var points = rows.Where(r => r.N > 0).ToArray();
        var yMax = Nice(points.SelectMany(r => new[] { r.Cabinet.P99, r.Baseline.P99 }).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.1);
        var (xMin, xMax) = (Math.Log10(points.Min(r => r.N) / 1.3), Math.Log10(points.Max(r => r.N) * 1.3));
        float X(int n) => Left + (float)((Math.Log10(n) - xMin) / (xMax - xMin)) * (Width - Left - Right);
        float Y(double ms) => Height - Bottom - (float)(ms / yMax) * (Height - Top - Bottom);

        canvas.DrawText("Agenda fan-out latency: from the chair's call to the event on each screen", Left, 30, SKTextAlign.Left, title, ink);
        canvas.DrawText(subtitle, Left, 50, SKTextAlign.Left, font, ink);
        for (var i = 0; i <= 5; i++)
        {
            var ms = yMax * i / 5;
            canvas.DrawLine(Left, Y(ms), Width - Right, Y(ms), grid);
            canvas.DrawText(ms.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), Left - 8, Y(ms) + 5, SKTextAlign.Right, font, ink);
        }

        foreach (var r in points)
        {
            canvas.DrawLine(X(r.N), Top, X(r.N), Height - Bottom, grid);
            canvas.DrawText(r.N.ToString(System.Globalization.CultureInfo.InvariantCulture), X(r.N), Height - Bottom + 20, SKTextAlign.Center, font, ink);
        }

        canvas.DrawText("delegates connected (N, log scale)", (Left + Width - Right) / 2f, Height - 25, SKTextAlign.Center, font, ink);
        canvas.Save();
        canvas.RotateDegrees(-90, 22, (Top + Height - Bottom) / 2f);
        canvas.DrawText("milliseconds", 22, (Top + Height - Bottom) / 2f, SKTextAlign.Center, font, ink);
        canvas.Restore();

        (string Label, Func<SeriesRow, double> Value, SKColor Color, bool Dashed)[] series =
        [
            ("Cabinet p50", r => r.Cabinet.P50, new SKColor(120, 170, 230), false),
            ("Cabinet p95", r => r.Cabinet.P95, new SKColor(40, 110, 200), false),
            ("Cabinet p99", r => r.Cabinet.P99, new SKColor(10, 40, 130), false),
            ("bare SignalR p50", r => r.Baseline.P50, new SKColor(250, 180, 110), true),
            ("bare SignalR p95", r => r.Baseline.P95, new SKColor(230, 120, 30), true),
            ("bare SignalR p99", r => r.Baseline.P99, new SKColor(160, 60, 0), true),
        ];
        for (var s = 0; s < series.Length; s++)
        {
            var (label, value, color, dashed) = series[s];
            using var pen = new SKPaint { Color = color, StrokeWidth = 2.5f, IsAntialias = true, Style = SKPaintStyle.Stroke };
            using var dash = dashed ? SKPathEffect.CreateDash([8, 5], 0) : null;
            pen.PathEffect = dash;
            using var builder = new SKPathBuilder();
            var first = true;
            foreach (var r in points.Where(r => double.IsFinite(value(r))))
            {
                var (x, y) = (X(r.N), Y(value(r)));
                if (first) { builder.MoveTo(x, y); } else { builder.LineTo(x, y); }
                first = false;
                canvas.DrawCircle(x, y, 3.5f, pen);
            }

            using var path = builder.Detach();
            canvas.DrawPath(path, pen);
            var legendY = Top + 10 + (s * 24);
            canvas.DrawLine(Width - Right + 15, legendY, Width - Right + 50, legendY, pen);
            canvas.DrawText(label, Width - Right + 58, legendY + 5, SKTextAlign.Left, font, ink);
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static double Nice(double value)
    {
        var step = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * step).First(v => v >= value);
    }
}
