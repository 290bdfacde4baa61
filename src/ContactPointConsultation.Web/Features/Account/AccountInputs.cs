using ContactPointConsultation.Core.Staff;
using ContactPointConsultation.Web.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ContactPointConsultation.Web.Features.Account;

/// <summary>The sign-in step whose page was being used; the sign-in page shown from a later step keeps that step's title.</summary>
public enum SignInStep
{
    Password,
    Code,
    RecoveryCode,
}

public sealed class SignInInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Set by the code and recovery code steps when they show the sign-in page (a locked account); never posted.</summary>
    [BindNever]
    public SignInStep Step { get; init; }
}

public sealed class SignInInputValidator : AbstractValidator<SignInInput>
{
    public SignInInputValidator()
    {
        RuleFor(i => i.Email).NotEmpty().WithMessage("Enter your email address")
            .MaximumLength(256).WithMessage("Email address must be 256 characters or less");
        RuleFor(i => i.Password).NotEmpty().WithMessage("Enter your password")
            .MaximumLength(128).WithMessage("Password must be 128 characters or less");
    }
}

public sealed class CodeInput
{
    public string? Code { get; set; }
}

public sealed class CodeInputValidator : AbstractValidator<CodeInput>
{
    public CodeInputValidator() =>
        RuleFor(i => i.Code).NotEmpty().WithMessage("Enter the 6-digit code from your authenticator app")
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage("Enter the code as 6 digits, like 123456");
}

public sealed record EnrolViewModel(string QrCodeSvg, string Key, CodeInput Input);

public sealed class SetPasswordInput
{
    public string? Email { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class SetPasswordInputValidator : AbstractValidator<SetPasswordInput>
{
    public SetPasswordInputValidator()
    {
        RuleFor(i => i.Password).NotEmpty().WithMessage("Enter a password")
            .MinimumLength(StaffAccountRules.MinimumPasswordLength)
            .WithMessage($"Password must be {Display.Number(StaffAccountRules.MinimumPasswordLength)} characters or more")
            .MaximumLength(128).WithMessage("Password must be 128 characters or less");
        RuleFor(i => i.ConfirmPassword).Equal(i => i.Password).WithMessage("Enter the same password twice");
    }
}
