namespace AsfPlatform.Spreadsheets;

/// <summary>A1-style cell references: column letters to numbers and back.</summary>
public static class CellReference
{
    /// <summary>"A" for 1, "Z" for 26, "AA" for 27.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (var n = number; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>"D7" for column 4, row 7.</summary>
    public static string Of(int column, int row) => Column(column) + row;

    /// <summary>The column number of a reference ("D7" → 4), or 0 when it has no letters.</summary>
    public static int ColumnOf(string reference)
    {
        var number = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z') break;
            number = number * 26 + (c - 'A' + 1);
        }
        return number;
    }
}
