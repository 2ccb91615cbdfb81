using System.Text;

namespace CallGateway.Bench.Infrastructure;

/// <summary>Writes to the console and, optionally, to a results file (flushed per line).</summary>
internal sealed class TeeWriter(TextWriter console, TextWriter? file) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        console.Write(value);
        file?.Write(value);
    }

    public override void Write(string? value)
    {
        console.Write(value);
        file?.Write(value);
    }

    public override void WriteLine(string? value)
    {
        console.WriteLine(value);
        console.Flush();
        file?.WriteLine(value);
        file?.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file?.Dispose();
        }

        base.Dispose(disposing);
    }
}
