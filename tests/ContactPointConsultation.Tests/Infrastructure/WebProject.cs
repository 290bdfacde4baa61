namespace ContactPointConsultation.Tests.Infrastructure;

/// <summary>Files in the web project's folder, such as what its npm install brings.</summary>
public static class WebProject
{
    /// <summary>A file or folder under src/ContactPointConsultation.Web, found from wherever the tests run.</summary>
    public static string Path(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = System.IO.Path.Combine([folder.FullName, "src", "ContactPointConsultation.Web", .. parts]);
            if (File.Exists(path) || Directory.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException($"{System.IO.Path.Combine(parts)} not found: build the web project, whose npm install brings it");
    }
}
