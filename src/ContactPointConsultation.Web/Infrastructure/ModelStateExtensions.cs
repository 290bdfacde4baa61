using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactPointConsultation.Web.Infrastructure;

public static class ModelStateExtensions
{
    public static void AddToModelState(this ValidationResult result, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }

    public static string? ErrorFor(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    /// <summary>The id of the field an error summary link points to: "AgeGroup" becomes "age-group", "AgeGroup:under-11" "age-group-under-11".</summary>
    public static string FieldId(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var chars = new List<char>(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == ':')
            {
                chars.Add('-');
                continue;
            }

            if (char.IsUpper(key[i]) && i > 0 && key[i - 1] != ':')
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(key[i]));
        }

        return new string([.. chars]);
    }
}
