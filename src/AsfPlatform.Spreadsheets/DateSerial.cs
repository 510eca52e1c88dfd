namespace AsfPlatform.Spreadsheets;

/// <summary>Dates as spreadsheet serials (days since 1899-12-30, the 1900 date system as Excel and LibreOffice count it).</summary>
public static class DateSerial
{
    /// <summary>The custom number format id of the yyyy-mm-dd style (custom ids start at 164).</summary>
    public const uint FormatId = 164;

    private static readonly DateOnly Epoch = new(1899, 12, 30);

    /// <summary>The serial of a date.</summary>
    public static int Of(DateOnly date) => date.DayNumber - Epoch.DayNumber;

    /// <summary>The serial of a point in time (the fraction is the time of day).</summary>
    public static double Of(DateTime time) => (time - Epoch.ToDateTime(TimeOnly.MinValue)).TotalDays;

    /// <summary>The date of a serial, or null when it is outside 1900–9999 or has a time of day.</summary>
    public static DateOnly? ToDate(double serial)
    {
        if (serial < 1 || serial > 2_958_465 || serial != Math.Floor(serial)) return null;
        return Epoch.AddDays((int)serial);
    }
}
